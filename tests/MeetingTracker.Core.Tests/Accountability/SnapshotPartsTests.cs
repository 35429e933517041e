using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Tests.Harvesting;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>
/// The snapshot read and built a few teams at a time (ADR 17) is the snapshot built from one read of everything: the
/// same chains, done notes, follow-up topics and idea trails, in the same order, however the teams are cut into parts.
/// </summary>
public sealed class SnapshotPartsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parts_of_any_size_build_the_snapshot_that_one_read_of_everything_builds()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 5, Weeks = 30, Seed = 17 });
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(new SourceOptions { Name = "test", Location = tree.Root }, Ct);
        var window = TimeSpan.FromDays(90);

        await using var db = host.Db();
        var stamp = await DataStamp.ReadAsync(db, Ct);
        var meetings = await AccountabilityQueries.MeetingsAsync(db, Ct);
        var actions = await AccountabilityQueries.ActionsAsync(db, Ct);
        var whole = AccountabilitySnapshot.Build(
            stamp, meetings, actions, await AccountabilityQueries.IdeasAndFollowersAsync(db, null, Ct), window,
            await AccountabilityQueries.DoneNoteCandidatesAsync(db, meetings, actions, null, Ct));

        // What the comparison rests on: the corpus has chains carried over, chains closed by notes and taken-up ideas.
        Assert.True(meetings.Select(m => m.TeamId).Distinct().Count() >= 5);
        Assert.Contains(whole.Actions, c => c.DoneInLogs is not null);
        Assert.Contains(whole.Actions, c => c.Meetings > 1);
        Assert.Contains(whole.Ideas, i => i.FollowedBy.Count > 0);

        foreach (var meetingsPerPart in new[] { 1, 40, 75, int.MaxValue })
        {
            var parts = await AccountabilityQueries.SnapshotAsync(db, stamp, window, Ct, meetingsPerPart);
            Assert.Equal(whole.ActionItems, parts.ActionItems);
            Assert.Equal(whole.Actions, parts.Actions);
            Assert.Equal(Trails(whole), Trails(parts));
        }
    }

    [Fact]
    public async Task An_empty_database_gives_an_empty_snapshot()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        await using var db = host.Db();

        var snapshot = await AccountabilityQueries.SnapshotAsync(db, await DataStamp.ReadAsync(db, Ct), TimeSpan.FromDays(90), Ct);

        Assert.Equal(0, snapshot.ActionItems);
        Assert.Empty(snapshot.Actions);
        Assert.Empty(snapshot.Ideas);
    }

    private static List<string> Trails(AccountabilitySnapshot snapshot)
        => [.. snapshot.Ideas.Select(t => $"{t.TeamId} {t.Idea} <- {string.Join(", ", t.FollowedBy)}")];
}
