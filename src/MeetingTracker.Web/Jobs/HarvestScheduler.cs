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
/// no longer configured, and an immediate run of every source that has never been harvested successfully.
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

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var harvested = await db.Runs
            .Where(r => r.Status == HarvestStatus.Succeeded)
            .Select(r => r.Source!.Name)
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var source in sources.Where(s => !harvested.Contains(s.Name, StringComparer.Ordinal)))
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} has no successful harvest yet: harvesting it now")]
    private partial void LogFirstHarvest(string source);
}
