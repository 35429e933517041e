using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Harvesting;

/// <summary>Creates the data folder and brings the database to the current schema before the host serves or harvests.</summary>
public sealed partial class DatabaseMigrator(
    IDbContextFactory<TrackerDb> dbFactory,
    IOptions<MeetingTrackerOptions> options,
    DatabaseOptions database,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StorageSetup.MigrateAsync(dbFactory, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var where = database.Describe(options.Value.DataDir!);
            LogReady(where, options.Value.DataDir);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready: {Database}; data folder {DataDir}")]
    private partial void LogReady(string database, string? dataDir);
}
