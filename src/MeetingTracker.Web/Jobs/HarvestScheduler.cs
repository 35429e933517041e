using Hangfire;
using Hangfire.Storage;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Jobs;

/// <summary>
/// On start: one recurring job per configured source (<c>harvest:&lt;Name&gt;</c>, cron in UTC), none for sources
/// no longer configured, and an immediate run of every source whose last run did not succeed (never harvested,
/// interrupted by a stop, failed).
/// </summary>
public sealed partial class HarvestScheduler(
    IOptions<MeetingTrackerOptions> options,
    IRecurringJobManager jobs,
    JobStorage storage,
    IDbContextFactory<TrackerDb> dbFactory,
    ILogger<HarvestScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var sources = options.Value.Sources;
        RemoveUnconfigured(sources.Select(s => HarvestJob.RecurringJobId(s.Name)).ToHashSet(StringComparer.Ordinal));
        foreach (var source in sources)
        {
            var name = source.Name;
            jobs.AddOrUpdate<HarvestJob>(
                HarvestJob.RecurringJobId(name),
                job => job.RunAsync(name, CancellationToken.None),
                source.Schedule,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }

        // A source never harvested, or whose last run did not finish (the host stopped during it, or it failed), is
        // harvested now: the next start finishes the work.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var finished = await db.Sources
            .Select(s => new { s.Name, Last = db.Runs.Where(r => r.SourceId == s.Id).OrderByDescending(r => r.Id).Select(r => (HarvestStatus?)r.Status).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var done = finished.Where(f => f.Last == HarvestStatus.Succeeded).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var source in sources.Where(s => !done.Contains(s.Name)))
        {
            jobs.Trigger(HarvestJob.RecurringJobId(source.Name));
            LogFirstHarvest(source.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Only matters with persistent job storage: a removed source must stop being harvested.</summary>
    private void RemoveUnconfigured(HashSet<string> configured)
    {
        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith(HarvestJob.IdPrefix, StringComparison.Ordinal) && !configured.Contains(job.Id))
            {
                jobs.RemoveIfExists(job.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} has no finished harvest as its last run: harvesting it now")]
    private partial void LogFirstHarvest(string source);
}
