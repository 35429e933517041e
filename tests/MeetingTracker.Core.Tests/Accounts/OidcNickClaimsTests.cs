using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Accounts;

public sealed class OidcNickClaimsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(new[] { "[\"ada\", \"ada_m\"]" }, "ada|ada_m")]
    [InlineData(new[] { "ada ada_m" }, "ada|ada_m")]
    [InlineData(new[] { "ada, ada_m,ADA" }, "ada|ada_m")]
    [InlineData(new[] { "ada", "ada_m" }, "ada|ada_m")]
    [InlineData(new[] { "irc:/ada\nmatrix://fedora.im/ada_m" }, "ada|ada_m")]
    [InlineData(new[] { "@ada:fedora.im" }, "@ada:fedora.im")]
    [InlineData(new[] { "[not json", "" }, "[not|json")]
    [InlineData(new string[0], "")]
    public void Nicks_are_read_from_json_arrays_lists_repeated_claims_and_chat_urls(string[] values, string expected)
        => Assert.Equal(expected, string.Join('|', OidcNickClaims.ParseNicks(values)));

    [Fact]
    public async Task Each_nick_of_a_person_is_verified_by_oidc_unknown_nicks_are_ignored_and_a_second_sign_in_changes_nothing()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        var (ada, bob) = await SeedAsync(host, "ada", "bob");
        var claims = new OidcNickClaims(host.Clock);

        await using (var db = host.Db())
        {
            // ada_ resolves through its base nick; nobody is no person of the logs.
            var changed = await claims.ApplyAsync(db, "acc-1", ["ADA_", "bob", "nobody"], Ct);
            await db.SaveChangesAsync(Ct);
            Assert.Equal(2, changed.Count);
        }

        await using (var db = host.Db())
        {
            Assert.Empty(await claims.ApplyAsync(db, "acc-1", ["ada", "bob"], Ct));
            var stored = await db.NickClaims.AsNoTracking().OrderBy(c => c.PersonId).ToListAsync(Ct);
            Assert.Equal([ada, bob], stored.Select(c => c.PersonId));
            Assert.All(stored, c => Assert.Equal((ClaimStatus.Verified, ClaimVerification.Oidc, "acc-1", host.Clock.GetUtcNow()), (c.Status, c.VerifiedBy, c.AccountId, c.DecidedAt)));
            Assert.Equal("ADA_", stored[0].Nick);
        }
    }

    [Fact]
    public async Task A_person_verified_for_another_account_gets_a_pending_claim_for_an_admin_and_a_refused_claim_stays_refused()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        var (ada, bob) = await SeedAsync(host, "ada", "bob");
        await using (var db = host.Db())
        {
            db.NickClaims.Add(new NickClaim { AccountId = "acc-other", PersonId = ada, Nick = "ada", Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin });
            db.NickClaims.Add(new NickClaim { AccountId = "acc-1", PersonId = bob, Nick = "bob", Status = ClaimStatus.Refused });
            await db.SaveChangesAsync(Ct);
        }

        var claims = new OidcNickClaims(host.Clock);
        await using (var db = host.Db())
        {
            var changed = Assert.Single(await claims.ApplyAsync(db, "acc-1", ["ada", "bob"], Ct));
            Assert.Equal((ada, ClaimStatus.Pending, (ClaimVerification?)null), (changed.PersonId, changed.Status, changed.VerifiedBy));
            Assert.Contains("verified for another account", changed.Note, StringComparison.Ordinal);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = host.Db())
        {
            Assert.Empty(await claims.ApplyAsync(db, "acc-1", ["ada", "bob"], Ct)); // no second pending claim
        }
    }

    [Fact]
    public async Task A_pending_claim_of_the_account_becomes_verified_by_oidc()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        var (ada, _) = await SeedAsync(host, "ada", "bob");
        await using (var db = host.Db())
        {
            db.NickClaims.Add(new NickClaim { AccountId = "acc-1", PersonId = ada, Nick = "ada", Status = ClaimStatus.Pending });
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = host.Db())
        {
            await new OidcNickClaims(host.Clock).ApplyAsync(db, "acc-1", ["ada"], Ct);
            await db.SaveChangesAsync(Ct);
            var claim = await db.NickClaims.AsNoTracking().SingleAsync(Ct);
            Assert.Equal((ClaimStatus.Verified, (ClaimVerification?)ClaimVerification.Oidc), (claim.Status, claim.VerifiedBy));
        }
    }

    // Two people of the logs, and the accounts the claims refer to.
    private static async Task<(int, int)> SeedAsync(HarvestHost host, string first, string second)
    {
        await using var db = host.Db();
        var people = new[] { first, second }.Select(n => new Person { Name = n }).ToList();
        foreach (var p in people)
        {
            p.Aliases.Add(new PersonAlias { Nick = p.Name });
        }

        db.People.AddRange(people);
        foreach (var id in new[] { "acc-1", "acc-other" })
        {
            db.Users.Add(new Account { Id = id, UserName = id, Email = id + "@example.org" });
        }

        await db.SaveChangesAsync(Ct);
        return (people[0].Id, people[1].Id);
    }
}
