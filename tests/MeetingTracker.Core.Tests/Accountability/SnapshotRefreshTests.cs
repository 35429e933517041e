using MeetingTracker.Core.Accountability;
using static MeetingTracker.Core.Tests.Accountability.AccountabilityCorpus;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>The snapshot follows the database: at once after a harvest it is told of, within a second otherwise.</summary>
public sealed class SnapshotRefreshTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_harvest_in_this_process_rebuilds_the_snapshot_at_once()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        var service = corpus.Service();
        var before = await service.SnapshotAsync(Ct);

        corpus.Write(5, $"#action {A}", $"#action {B}");
        await corpus.Host.HarvestAsync(corpus.Source, Ct);
        await service.MeetingsChangedAsync(Ct);
        var after = await service.SnapshotAsync(Ct);

        Assert.NotSame(before, after);
        var a = after.Actions.Single(c => c.Text == A && c.CarriedOver > 0);
        Assert.Equal((4, 0), (a.CarriedOver, a.MeetingsSince));

        // B was last carried in week 2: weeks 3 and 4 missed it, so week 5 raises it anew.
        Assert.Equal([(1, 2, 1), (5, 5, 0)], after.Actions.Where(c => c.Text == B).Select(c => (WeekOf(c.First), WeekOf(c.Latest), c.CarriedOver)).OrderBy(c => c.Item1));
        Assert.Same(after, await service.SnapshotAsync(Ct));
    }

    [Fact]
    public async Task Changes_by_another_process_are_seen_at_the_first_check_after_a_second()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        var service = corpus.Service();
        var before = await service.SnapshotAsync(Ct);

        corpus.Write(5, $"#action {A}");
        await corpus.Host.HarvestAsync(corpus.Source, Ct);
        var soon = await service.SnapshotAsync(Ct);
        corpus.Host.Clock.Advance(AccountabilityService.RecheckAfter);
        var later = await service.SnapshotAsync(Ct);

        Assert.Same(before, soon);
        Assert.NotSame(before, later);
        Assert.Equal(4, later.Actions.Single(c => c.Text == A && c.CarriedOver > 0).CarriedOver);
        corpus.Host.Clock.Advance(AccountabilityService.RecheckAfter);
        Assert.Same(later, await service.SnapshotAsync(Ct));
    }

    private static int WeekOf(ItemRef item) => 1 + (int)((item.Time - Week(1)).TotalDays / 7);
}
