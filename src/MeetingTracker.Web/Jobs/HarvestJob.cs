using Hangfire;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Web.Configuration;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Jobs;

/// <summary>
/// The recurring job of one source. Hangfire's lock keeps two runs of a source apart in this process; the
/// harvester's lock file keeps them apart across processes (the CLI), and a run that meets it ends quietly.
/// No retries: the run is recorded (failed) in our database and the next scheduled run tries again.
/// </summary>
public sealed partial class HarvestJob(IOptions<MeetingTrackerOptions> options, Harvester harvester, Caching.PageCacheEviction pages, ILogger<HarvestJob> logger)
{
    /// <summary>Recurring job ids are <c>harvest:&lt;source name&gt;</c>.</summary>
    public const string IdPrefix = "harvest:";

    public static string RecurringJobId(string sourceName) => IdPrefix + sourceName;

    [JobDisplayName("Harvest {0}")]
    [DisableConcurrentExecution("harvest:{0}", 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string sourceName, CancellationToken cancellationToken)
    {
        var source = options.Value.FindSource(sourceName)
            ?? throw new InvalidOperationException($"No source named '{sourceName}' is configured.");
        try
        {
            using var running = pages.Harvesting();
            var summary = await harvester.HarvestAsync(source, null, cancellationToken);
            LogHarvested(sourceName, summary.Status, summary.MeetingsLine);
        }
        catch (HarvestBusyException e)
        {
            LogBusy(sourceName, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest of {Source}: {Status}, {Meetings}")]
    private partial void LogHarvested(string source, HarvestStatus status, string meetings);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest of {Source} skipped: {Reason}")]
    private partial void LogBusy(string source, string reason);
}
