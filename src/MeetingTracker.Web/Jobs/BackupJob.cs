using Hangfire;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Configuration;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Jobs;

/// <summary><c>MeetingTracker:Backup</c>: the nightly backup of the database.</summary>
public sealed class BackupOptions
{
    public const string Section = "MeetingTracker:Backup";

    /// <summary>Whether the <c>backup</c> job runs (default: no).</summary>
    public bool Enabled { get; set; }

    /// <summary>When, as cron in UTC (default: every night at 02:30).</summary>
    public string Schedule { get; set; } = "30 2 * * *";

    /// <summary>Where the backups go; relative paths are taken from the content root, like <c>DataDir</c>. Default: <c>{DataDir}/backups</c>.</summary>
    public string? Folder { get; set; }

    /// <summary>How many of the job's backups are kept (the newest), at least 1 (default 7).</summary>
    public int Keep { get; set; } = 7;
}

/// <summary>
/// The <c>backup</c> job: one <see cref="DatabaseBackup"/> of the database into <see cref="BackupOptions.Folder"/>,
/// named by the moment (<c>meetingtracker-20261124T023000Z.db</c>), then the job's files beyond the newest
/// <see cref="BackupOptions.Keep"/> deleted.
/// </summary>
public sealed partial class BackupJob(IOptions<BackupOptions> backup, IOptions<MeetingTrackerOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<BackupJob> logger)
{
    public const string Id = "backup";

    /// <summary>The folder the job writes to.</summary>
    public string Folder => string.IsNullOrWhiteSpace(backup.Value.Folder)
        ? Path.Combine(options.Value.DataDir!, "backups")
        : Path.GetFullPath(backup.Value.Folder, environment.ContentRootPath);

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Folder;
        var result = await DatabaseBackup.BackupAsync(options.Value.DataDir!, Path.Combine(folder, DatabaseBackup.FileName(clock.GetUtcNow())), cancellationToken);
        var removed = DatabaseBackup.Prune(folder, backup.Value.Keep);
        LogDone(result.File, result.Bytes, removed.Count);
        return $"{result.Line}; {removed.Count} older removed";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {File} ({Bytes} bytes); {Removed} older backups removed")]
    private partial void LogDone(string file, long bytes, int removed);
}

/// <summary>
/// Adds the recurring <c>backup</c> job on start when enabled (its schedule in UTC), removes it otherwise. On PostgreSQL
/// there is no file to copy: the job is removed and the log says to use pg_dump (ADR 19).
/// </summary>
public sealed partial class BackupScheduler(IOptions<BackupOptions> options, IRecurringJobManager jobs, Core.Storage.DatabaseOptions database, ILogger<BackupScheduler> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled && database.IsPostgreSql)
        {
            LogPostgreSql(BackupOptions.Section);
            jobs.RemoveIfExists(BackupJob.Id);
        }
        else if (options.Value.Enabled)
        {
            jobs.AddOrUpdate<BackupJob>(BackupJob.Id, job => job.RunAsync(CancellationToken.None), options.Value.Schedule, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        else
        {
            jobs.RemoveIfExists(BackupJob.Id);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Section} copies SQLite files and the database is PostgreSQL: no nightly backup is scheduled; back the database up with pg_dump -Fc (deploy/README.md)")]
    private partial void LogPostgreSql(string section);
}

public static class BackupJobExtensions
{
    /// <summary>The nightly <c>backup</c> job (<c>MeetingTracker:Backup</c>); register after <see cref="JobsHostExtensions.AddHarvestJobs"/>.</summary>
    public static IHostApplicationBuilder AddBackupJob(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section)
            .Validate(o => o.Keep >= 1, $"{BackupOptions.Section}:Keep must be at least 1")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.Schedule), $"{BackupOptions.Section}:Schedule must be a cron expression")
            .ValidateOnStart();
        builder.Services.AddTransient<BackupJob>();
        builder.Services.AddHostedService<BackupScheduler>();
        return builder;
    }
}
