using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Configuration;

/// <summary>
/// Told after a harvest, three times (ADR 17): first, so the harvest's garbage (parsed meetings, file bodies, the
/// writer's buffers) is collected and compacted before the action owners and mentions are refreshed; again before the
/// snapshot and the answer caches are rebuilt; and last, so what those rebuilds read is not left committed until the
/// next full collection. Each time the memory freed in the GC heap and in malloc's arenas is given back to the system.
/// Without them the web host's peak was each rebuild on top of what the one before it (and the harvest) had left.
/// </summary>
internal sealed class AfterHarvestTrim : IMeetingsChangedHandler
{
    public Task MeetingsChangedAsync(CancellationToken cancellationToken)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        return Task.CompletedTask;
    }
}
