using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static MeetingTracker.Core.Tests.Accountability.AccountabilityCorpus;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>
/// The snapshot follows the database: at once after a harvest it is told of; otherwise the first check after a second
/// starts one rebuild (at most every ten seconds), and the snapshot held is served until it is done (gates decide the
/// steps, not timing).
/// </summary>
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
    public async Task Changes_by_another_process_are_rebuilt_behind_the_held_snapshot_at_most_every_ten_seconds()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        var service = corpus.Service();
        var before = await service.SnapshotAsync(Ct);
        var initial = service.LastRebuild;

        corpus.Write(5, $"#action {A}");
        await corpus.Host.HarvestAsync(corpus.Source, Ct);
        var soon = await service.SnapshotAsync(Ct);
        corpus.Host.Clock.Advance(AccountabilityService.RecheckAfter);
        var checkedSoon = await service.SnapshotAsync(Ct);
        var rebuiltSoon = !ReferenceEquals(initial, service.LastRebuild);
        corpus.Host.Clock.Advance(AccountabilityService.RebuildEvery - AccountabilityService.RecheckAfter);
        var served = await service.SnapshotAsync(Ct);
        await service.LastRebuild;
        var later = await service.SnapshotAsync(Ct);

        // Seen after a second, rebuilt at most every RebuildEvery (a harvest elsewhere commits meeting by meeting).
        Assert.Same(before, soon);
        Assert.Same(before, checkedSoon);
        Assert.False(rebuiltSoon);
        Assert.Same(before, served);
        Assert.NotSame(before, later);
        Assert.Equal(4, later.Actions.Single(c => c.Text == A && c.CarriedOver > 0).CarriedOver);
        corpus.Host.Clock.Advance(AccountabilityService.RecheckAfter);
        Assert.Same(later, await service.SnapshotAsync(Ct));
    }

    [Fact]
    public async Task While_a_rebuild_runs_every_request_gets_the_held_snapshot_and_one_rebuild_serves_them_all()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        var factory = new GatedFactory(corpus.Host.Get<IDbContextFactory<TrackerDb>>());
        var service = new AccountabilityService(factory, Options.Create(new AccountabilityOptions()), corpus.Host.Clock);
        var before = await service.SnapshotAsync(Ct);
        corpus.Write(5, $"#action {A}");
        await corpus.Host.HarvestAsync(corpus.Source, Ct);
        corpus.Host.Clock.Advance(AccountabilityService.RebuildEvery);

        // The first request reads the stamp (one context), sees the change and starts the rebuild, held at its context.
        factory.HoldAfter(opened: factory.Opened + 2);
        var served = new List<AccountabilitySnapshot>();
        for (var i = 0; i < 10; i++) served.Add(await service.SnapshotAsync(Ct));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => service.SnapshotAsync(Ct)));
        factory.Release();
        await service.LastRebuild;
        var fresh = await service.SnapshotAsync(Ct);

        // One context read the stamp, one rebuilt: none for the other requests (the stamp is read once a second).
        Assert.All(served.Concat(concurrent), s => Assert.Same(before, s));
        Assert.Equal(2, factory.Opened - factory.OpenedBeforeHold);
        Assert.NotSame(before, fresh);
        Assert.Equal(4, fresh.Actions.Single(c => c.Text == A && c.CarriedOver > 0).CarriedOver);
    }

    [Fact]
    public async Task A_failed_rebuild_keeps_the_held_snapshot_and_the_next_request_tries_again()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        var factory = new GatedFactory(corpus.Host.Get<IDbContextFactory<TrackerDb>>());
        var service = new AccountabilityService(factory, Options.Create(new AccountabilityOptions()), corpus.Host.Clock);
        var before = await service.SnapshotAsync(Ct);
        corpus.Write(5, $"#action {A}");
        await corpus.Host.HarvestAsync(corpus.Source, Ct);
        corpus.Host.Clock.Advance(AccountabilityService.RebuildEvery);

        factory.FailAfter(opened: factory.Opened + 2);
        var served = await service.SnapshotAsync(Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.LastRebuild);
        factory.FailAfter(opened: int.MaxValue);
        var again = await service.SnapshotAsync(Ct);
        await service.LastRebuild;
        var fresh = await service.SnapshotAsync(Ct);

        Assert.Same(before, served);
        Assert.Same(before, again);
        Assert.NotSame(before, fresh);
    }

    private static int WeekOf(ItemRef item) => 1 + (int)((item.Time - Week(1)).TotalDays / 7);

    /// <summary>The host's contexts, counted; from a chosen one on, held until released, or failing.</summary>
    private sealed class GatedFactory(IDbContextFactory<TrackerDb> inner) : IDbContextFactory<TrackerDb>
    {
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int holdFrom = int.MaxValue;
        private int failFrom = int.MaxValue;
        private int opened;

        public int Opened => Volatile.Read(ref opened);

        public int OpenedBeforeHold { get; private set; }

        public void HoldAfter(int opened)
        {
            OpenedBeforeHold = Opened;
            holdFrom = opened;
        }

        public void FailAfter(int opened) => failFrom = opened;

        public void Release() => gate.SetResult();

        public TrackerDb CreateDbContext() => throw new NotSupportedException("the service opens its contexts asynchronously");

        public async Task<TrackerDb> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            var n = Interlocked.Increment(ref opened);
            if (n >= failFrom) throw new InvalidOperationException("database gone");
            if (n >= holdFrom) await gate.Task.WaitAsync(cancellationToken);
            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }
}
