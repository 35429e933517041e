using Hangfire;
using Hangfire.Storage;
using MeetingTracker.Core.Harvesting;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Jobs;

public sealed class RecurringJobTests
{
    [Fact]
    public async Task Each_source_has_a_recurring_job_named_after_it_with_its_schedule_in_utc()
    {
        await using var host = new TrackerHost();
        host.With("MeetingTracker:Sources:1:Name", "second")
            .With("MeetingTracker:Sources:1:Location", host.LogsDir)
            .With("MeetingTracker:Sources:1:Include:0", "no-such-meeting")
            .With("MeetingTracker:Sources:1:Schedule", "15 */10 * * * *");
        using var client = host.CreateClient();

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().Where(j => j.Id.StartsWith("harvest:", StringComparison.Ordinal)).OrderBy(j => j.Id, StringComparer.Ordinal).ToList();

        Assert.Equal(["harvest:gen", "harvest:second"], jobs.Select(j => j.Id));
        Assert.Equal(["0 3 * * *", "15 */10 * * * *"], jobs.Select(j => j.Cron));
        Assert.All(jobs, j => Assert.Equal("UTC", j.TimeZoneId));
        Assert.All(jobs, j => Assert.Equal("RunAsync", j.Job.Method.Name));
        Assert.Equal(["gen", "second"], jobs.Select(j => (string)j.Job.Args[0]));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public async Task The_reminders_job_runs_hourly_on_the_hour_in_utc_unless_turned_off(string? enabled, bool scheduled)
    {
        await using var host = new TrackerHost();
        host.With("MeetingTracker:Reminders:Enabled", enabled);
        using var client = host.CreateClient();

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == "reminders");

        Assert.Equal(scheduled, job is not null);
        if (job is not null) Assert.Equal(("0 * * * *", "UTC", "RemindersJob"), (job.Cron, job.TimeZoneId, job.Job.Type.Name));
    }

    [Fact]
    public async Task A_harvest_that_meets_another_harvest_of_its_source_ends_quietly_and_the_next_one_runs()
    {
        await using var host = new TrackerHost();

        // Another process (the CLI) holds the source: the first-start harvest must not run, nor fail.
        var lease = SourceLocks.For(host.DataDir, TestDatabase.For(host.DataDir)).Acquire(TrackerHost.SourceName);
        using var client = host.CreateClient();
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Until(() => monitoring.SucceededListCount() == 1);
        Assert.Equal(0, monitoring.FailedCount());
        await using (var db = host.Db())
        {
            Assert.Empty(db.Runs);
        }

        lease.Dispose();
        host.Services.GetRequiredService<IRecurringJobManager>().Trigger("harvest:" + TrackerHost.SourceName);
        var run = await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, TestContext.Current.CancellationToken);

        Assert.True(run.MeetingsNew > 0);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; !condition(); i++)
        {
            Assert.True(i < 300, "the condition did not hold within 60 s");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
