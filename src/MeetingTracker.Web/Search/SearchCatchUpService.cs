using MeetingTracker.Core.Search;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Search;

/// <summary>
/// Keeps this node's index in step from the web host (ADR 19): at start it fills a missing or corrupt index (and takes
/// up whatever was written since its last commit) in the background while pages are served, then every
/// <see cref="SearchIndexOptions.CatchUpSeconds"/> it indexes the meetings written above its mark, by this node, the
/// other nodes or the command line.
/// </summary>
public sealed partial class SearchCatchUpService(SearchIndexer indexer, IOptions<SearchIndexOptions> options, TimeProvider clock, ILogger<SearchCatchUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CatchUpSeconds), clock);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index catch-up failed; it is tried again at the next look")]
    private partial void LogFailed(Exception e);
}
