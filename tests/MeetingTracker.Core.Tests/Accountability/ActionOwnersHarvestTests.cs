using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>Action owners after a harvest over a real SQLite file: the rule reaches people who missed the meeting, and people known later.</summary>
public sealed class ActionOwnersHarvestTests
{
    private const string Benchmark = "zhangwei to benchmark the docs site";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_known_later_owns_the_earlier_action_after_the_next_harvest()
    {
        using var tree = new TempDir();
        Write(tree, 2, ["alice"], $"#action {Benchmark}", "#action alice to update the wiki");
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Source(tree), Ct);
        Assert.Equal("", await OwnersAsync(host, Benchmark));
        Assert.Equal("alice", await OwnersAsync(host, "alice to update the wiki"));

        Write(tree, 9, ["zhangwei"], "#info zhangwei is back");
        await host.HarvestAsync(Source(tree), Ct);

        Assert.Equal("zhangwei", await OwnersAsync(host, Benchmark));
    }

    [Fact]
    public async Task An_owner_absent_from_the_meeting_owns_the_action()
    {
        using var tree = new TempDir();
        Write(tree, 2, ["zhangwei", "alice"], "#info hello");
        Write(tree, 9, ["alice"], $"#action {Benchmark}", "#action ask @bob and alice about it");
        await using var host = await HarvestHost.StartAsync(Ct);

        await host.HarvestAsync(Source(tree), Ct);

        Assert.Equal("zhangwei", await OwnersAsync(host, Benchmark));
        Assert.Equal("alice bob", await OwnersAsync(host, "ask @bob and alice about it"));
        await using var db = host.Db();
        Assert.Equal(1, await db.Attendance.CountAsync(a => a.Nick == "zhangwei", Ct)); // the first meeting only
    }

    private static SourceOptions Source(TempDir tree) => new() { Name = "s", Location = tree.Path };

    private static async Task<string> OwnersAsync(HarvestHost host, string text)
    {
        await using var db = host.Db();
        var nicks = await db.ItemOwners.Where(o => db.Items.Any(i => i.Id == o.ItemId && i.Text == text)).Select(o => o.Nick).ToListAsync(Ct);
        return string.Join(' ', nicks.Order(StringComparer.Ordinal));
    }

    // bob chairs; the others say hello. December 2026.
    private static void Write(TempDir tree, int day, string[] present, params string[] commands)
    {
        var date = $"2026-12-{day:00}";
        var lines = new List<string> { "16:00:00 <bob> #startmeeting infra" };
        lines.AddRange(present.Select((nick, i) => $"16:00:{i + 1:00} <{nick}> hi"));
        lines.AddRange(commands.Select((c, i) => $"16:01:{i:00} <bob> {c}"));
        lines.Add("16:59:00 <bob> #endmeeting");
        tree.Write($"fedora-meeting/{date}/infra.{date}-16.00.log.txt", string.Join('\n', lines) + "\n");
    }
}
