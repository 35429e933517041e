namespace MeetingTracker.Core.Harvesting;

/// <summary>Told after a harvest that stored meetings changed (the search indexer catches up with the database).</summary>
public interface IMeetingsChangedHandler
{
    Task MeetingsChangedAsync(CancellationToken cancellationToken);
}
