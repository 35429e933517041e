using Hangfire;
using Hangfire.Storage;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Jobs;

// SQLite's online backup API: the PostgreSQL pass leaves it out (its databases are backed up with pg_dump, ADR 19).
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class BackupJobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, null, false, null)]
    [InlineData("true", null, true, "30 2 * * *")]
    [InlineData("true", "0 4 * * 0", true, "0 4 * * 0")]
    public async Task The_backup_job_is_registered_only_when_enabled_on_its_schedule_in_utc(string? enabled, string? schedule, bool scheduled, string? cron)
    {
        await using var host = new TrackerHost();
        host.With("MeetingTracker:Backup:Enabled", enabled).With("MeetingTracker:Backup:Schedule", schedule);
        using var client = host.CreateClient();

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == "backup");

        Assert.Equal(scheduled, job is not null);
        if (job is not null) Assert.Equal((cron, "UTC", "BackupJob", "RunAsync"), (job.Cron, job.TimeZoneId, job.Job.Type.Name, job.Job.Method.Name));
    }

    [Fact]
    public async Task Each_run_writes_a_whole_backup_named_by_its_moment_and_keeps_the_newest_n()
    {
        await using var host = new TrackerHost();
        host.With("MeetingTracker:Backup:Keep", "3");
        using var client = host.CreateClient();
        await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, Ct);
        var folder = Path.Combine(host.DataDir, "backups");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "by-hand.db"), "an admin's own copy", Ct);
        var clock = new NightClock { Now = new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero) };
        var job = ActivatorUtilities.CreateInstance<BackupJob>(host.Services, (TimeProvider)clock);

        var lines = new List<string>();
        for (var night = 0; night < 5; night++)
        {
            lines.Add(await job.RunAsync(Ct));
            clock.Now = clock.Now.AddDays(1);
        }

        Assert.Equal(folder, job.Folder);
        Assert.Equal(
            ["by-hand.db", "meetingtracker-20261203T023000Z.db", "meetingtracker-20261204T023000Z.db", "meetingtracker-20261205T023000Z.db"],
            Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.EndsWith("; 0 older removed", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("; 1 older removed", lines[4], StringComparison.Ordinal);
        await using var db = host.Db();
        var meetings = await db.Meetings.CountAsync(Ct);
        Assert.StartsWith($"backup: {Path.Combine(folder, "meetingtracker-20261205T023000Z.db")} (", lines[4], StringComparison.Ordinal);
        Assert.Contains($" bytes, {meetings} meetings, 0 accounts)", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_restored_from_a_backup_serves_its_meetings_and_actions()
    {
        string file;
        int meetingId;
        string meetingKey;
        await using (var source = new TrackerHost())
        {
            source.With("MeetingTracker:Backup:Folder", Path.Combine(source.Root, "elsewhere"));
            using var client = source.CreateClient();
            await source.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, Ct);
            await using (var db = source.Db())
            {
                var meeting = await db.Meetings.AsNoTracking().OrderBy(m => m.Id).FirstAsync(Ct);
                (meetingId, meetingKey) = (meeting.Id, meeting.MeetingKey);
            }

            var job = ActivatorUtilities.CreateInstance<BackupJob>(source.Services);
            await job.RunAsync(Ct);
            Assert.Equal(Path.Combine(source.Root, "elsewhere"), job.Folder);
            file = Path.Combine(Path.GetTempPath(), "mt-backup-" + Guid.NewGuid().ToString("N") + ".db");
            File.Copy(Directory.EnumerateFiles(job.Folder).Single(), file);
        }

        try
        {
            await using var restored = new TrackerHost();
            await DatabaseBackup.RestoreAsync(file, restored.DataDir, force: false, Ct);
            using var client = restored.CreateClient();

            using var page = await client.GetAsync(new Uri("/" + Links.Meeting(meetingId), UriKind.Relative), Ct);
            var api = await client.GetStringAsync(new Uri($"/api/meetings/{meetingId}", UriKind.Relative), Ct);
            using var actions = await client.GetAsync(new Uri("/actions", UriKind.Relative), Ct);

            Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"\"key\":\"{meetingKey}\"", api, StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.OK, actions.StatusCode);
            await using var db = restored.Db();
            Assert.Equal(1, await db.Runs.CountAsync(Ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private sealed class NightClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
