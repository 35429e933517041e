using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Configuration;

/// <summary>
/// The first of the handlers told after a harvest (ADR 17): the harvest's garbage (parsed meetings, file bodies,
/// the writer's buffers) is collected and compacted, and the memory freed in the GC heap and in malloc's arenas given
/// back to the system, before the handlers after it rebuild the action owners, the snapshot and the answer caches.
/// Without it the web host's peak was those rebuilds on top of what the harvest had left.
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
