using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Accounts;

/// <summary>Nick claims: verified by the logs (zodbot's <c>.hello</c> answer), by an admin; one account per person.</summary>
public sealed class ClaimsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Fedora's zodbot answers the start (so it is the meeting bot, ADR 12) and the .hello commands; mallory types an
    // answer's look-alike herself.
    private static string Log(string day, bool hello) => $"""
        23:31:24 <mkowalski> #startmeeting Docs weekly
        23:31:24 <zodbot> Meeting started {day} 23:31:24 2026 UTC.
        23:31:24 <zodbot> The chair is mkowalski. Information about MeetBot at http://wiki.debian.org/MeetBot.
        23:31:56 <mkowalski> #topic Roll call
        23:32:11 <kwame> {(hello ? ".hello2" : "hi")}
        {(hello ? "23:32:11 <zodbot> kwame: kwame 'Kwame Mensah' <Kwame@Example.org>" : "23:32:12 <kwame> here")}
        23:32:20 <mallory> mallory: mallory 'Eve' <eve@example.org>
        23:33:00 <mkowalski> #endmeeting
        23:33:00 <zodbot> Meeting ended {day} 23:33:00 2026 UTC.

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Theory]
    [InlineData("kwame: kwame 'Kwame' <kwame@example.org>", "kwame", "kwame@example.org")]
    [InlineData("emre: kwame 'Kwame Mensah' <k.m+fedora@example.org>", "kwame", "k.m+fedora@example.org")]
    [InlineData("kwame: kwame 'Kwame' kwame@example.org", null, null)]
    [InlineData("kwame: hello 'all' <not an address>", null, null)]
    [InlineData("Meeting started Tue Oct 20 23:31:24 2026 UTC.", null, null)]
    public void The_bot_answer_ties_a_nick_to_an_address(string text, string? nick, string? address)
    {
        var parsed = BotAnswer.TryParse(text, out var n, out var a);

        Assert.Equal(nick is not null, parsed);
        if (parsed) Assert.Equal((nick, address), (n, a));
    }

    [Fact]
    public async Task A_log_verifies_a_claim_when_made_and_after_a_later_harvest_but_never_a_human_line()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        using var tree = new TempDir();
        var source = new SourceOptions { Name = "fedora", Location = tree.Path };
        tree.Write("fedora-meeting-1/2026-10-13/docs_weekly.2026-10-13-23.31.log.txt", Log("Tue Oct 13", hello: false));
        await host.HarvestAsync(source, Ct);
        await using var db = host.Db();
        var kwame = await AddAccountAsync(db, "kwame@example.org", confirmed: true);
        var eve = await AddAccountAsync(db, "eve@example.org", confirmed: true);

        var waiting = await Claims.ClaimAsync(db, kwame, "KWAME", host.Clock.GetUtcNow(), Ct);
        var impostor = await Claims.ClaimAsync(db, eve, "mallory", host.Clock.GetUtcNow(), Ct);
        Assert.Equal(ClaimStatus.Pending, waiting.Status);
        Assert.Equal(ClaimStatus.Pending, impostor.Status);

        tree.Write("fedora-meeting-1/2026-10-20/docs_weekly.2026-10-20-23.31.log.txt", Log("Tue Oct 20", hello: true));
        await host.HarvestAsync(source, Ct);

        await using var after = host.Db();
        var verified = await after.NickClaims.SingleAsync(c => c.Id == waiting.Id, Ct);
        Assert.Equal((ClaimStatus.Verified, ClaimVerification.Log), (verified.Status, verified.VerifiedBy));
        Assert.Contains("docs_weekly.2026-10-20-23.31", verified.Note, StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Pending, (await after.NickClaims.SingleAsync(c => c.Id == impostor.Id, Ct)).Status);

        // Made after the harvest, a claim verifies at once.
        await Claims.EndAllForAsync(after, kwame, "account deleted", host.Clock.GetUtcNow(), Ct);
        var again = await Claims.ClaimAsync(after, kwame, "kwame", host.Clock.GetUtcNow(), Ct);
        Assert.Equal(ClaimStatus.Verified, again.Status);
    }

    [Fact]
    public async Task An_unconfirmed_address_is_not_vouched_for_and_a_person_verified_for_another_account_waits_for_an_admin()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        using var tree = new TempDir();
        tree.Write("fedora-meeting-1/2026-10-20/docs_weekly.2026-10-20-23.31.log.txt", Log("Tue Oct 20", hello: true));
        await host.HarvestAsync(new SourceOptions { Name = "fedora", Location = tree.Path }, Ct);
        await using var db = host.Db();
        var unconfirmed = await AddAccountAsync(db, "kwame@example.org", confirmed: false);
        var other = await AddAccountAsync(db, "someone@example.org", confirmed: true);
        var now = host.Clock.GetUtcNow();

        var first = await Claims.ClaimAsync(db, unconfirmed, "kwame", now, Ct);
        Assert.Equal(ClaimStatus.Pending, first.Status);
        Assert.Same(first, await Claims.ClaimAsync(db, unconfirmed, "kwame", now, Ct));
        await Claims.ApproveAsync(db, first.Id, null, now, Ct);
        Assert.Equal((ClaimStatus.Verified, ClaimVerification.Admin), (first.Status, first.VerifiedBy));

        var second = await Claims.ClaimAsync(db, other, "kwame", now, Ct);
        Assert.Equal(ClaimStatus.Pending, second.Status);
        Assert.Equal(Claims.WaitsForAdmin, second.Note);
        await Claims.ApproveAsync(db, second.Id, null, now, Ct);

        var claims = await db.NickClaims.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Status).ToListAsync(Ct);
        Assert.Equal([ClaimStatus.Ended, ClaimStatus.Verified], claims);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Claims.RefuseAsync(db, second.Id, null, now, Ct));
        Assert.Equal(1, await Claims.EndAllForAsync(db, other, "account deleted", now, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Claims.ClaimAsync(db, other, "nobody-uses-this", now, Ct));
    }

    private static async Task<string> AddAccountAsync(TrackerDb db, string email, bool confirmed)
    {
        var account = new Account { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = confirmed, DisplayName = email.Split('@')[0] };
        db.Users.Add(account);
        await db.SaveChangesAsync(Ct);
        return account.Id;
    }
}
