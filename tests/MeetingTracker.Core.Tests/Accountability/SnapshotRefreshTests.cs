using MeetingTracker.Core.Accountability;
using static MeetingTracker.Core.Tests.Accountability.AccountabilityCorpus;

namespace MeetingTracker.Core.Tests.Accountability;

public sealed class SnapshotRefreshTests
{
    [Fact]
    public async Task A_harvest_that_adds_a_meeting_rebuilds_the_snapshot()
    {
        var ct = TestContext.Current.CancellationToken;
        var corpus = new AccountabilityCorpus();
        await using var _ = corpus;
        await corpus.InitializeAsync();
        var service = corpus.Service();
        var before = await service.SnapshotAsync(ct);

        corpus.Write(5, $"#action {A}", $"#action {B}");
        await corpus.Host.HarvestAsync(corpus.Source, ct);
        var after = await service.SnapshotAsync(ct);

        Assert.NotSame(before, after);
        var a = after.Actions.Single(c => c.Text == A && c.CarriedOver > 0);
        Assert.Equal((4, 0), (a.CarriedOver, a.MeetingsSince));

        // B was last carried in week 2: weeks 3 and 4 missed it, so week 5 raises it anew.
        Assert.Equal([(1, 2, 1), (5, 5, 0)], after.Actions.Where(c => c.Text == B).Select(c => (WeekOf(c.First), WeekOf(c.Latest), c.CarriedOver)).OrderBy(c => c.Item1));
        Assert.Same(after, await service.SnapshotAsync(ct));
    }

    private static int WeekOf(ItemRef item) => 1 + (int)((item.Time - Week(1)).TotalDays / 7);
}
