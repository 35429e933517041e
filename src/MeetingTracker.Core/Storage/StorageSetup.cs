using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Core.Storage;

/// <summary>Registers the database: SQLite in the data folder by default (WAL, so readers never wait for the harvester).</summary>
public static class StorageSetup
{
    public const string DatabaseFileName = "meetingtracker.db";

    /// <summary>
    /// The data folder when none is configured: <c>~/.local/share/meetingtracker</c> on Linux (the platform's local
    /// application data folder elsewhere), shared by the web host and the CLI.
    /// </summary>
    public static string DefaultDataDir()
    {
        var appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(appData.Length > 0 ? appData : Path.GetTempPath(), "meetingtracker");
    }

    public static string ConnectionString(string dataDir) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDir, DatabaseFileName),
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();

    public static IServiceCollection AddTrackerStorage(this IServiceCollection services, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        var connection = ConnectionString(Path.GetFullPath(dataDir));
        // Pooled: a page opens several short contexts, and a context reset costs less than a new one.
        // The host's own interceptors (the page cache hears of committed writes) come from the container.
        services.AddPooledDbContextFactory<TrackerDb>((sp, o) => o.UseSqlite(connection).AddInterceptors(SqlitePragmas.Instance)
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        return services;
    }

    /// <summary>Creates the data folder, applies migrations and switches the file to WAL. Safe to call on every start.</summary>
    public static async Task MigrateAsync(IDbContextFactory<TrackerDb> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file })
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}
