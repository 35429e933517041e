using MeetingTracker.Core.Search;

namespace MeetingTracker.Web.Search;

/// <summary>
/// Keeps the index in step from the web host: at start it rebuilds a missing or corrupt index (and indexes whatever a
/// killed run left) in the background while pages are served, then takes up every minute what other processes (the
/// CLI's imports and alias edits) stored while this host held the index.
/// </summary>
public sealed partial class SearchCatchUpService(SearchIndexer indexer, TimeProvider clock, ILogger<SearchCatchUpService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await indexer.IndexPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index catch-up failed; it is tried again in a minute")]
    private partial void LogFailed(Exception e);
}
