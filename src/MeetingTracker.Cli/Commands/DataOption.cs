using System.CommandLine;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Projects;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>--data DIR</c>, shared by the verbs that use the database. Without it: <c>MeetingTracker__DataDir</c> (as the
/// web host reads it), else the default data folder the web host also uses.
/// </summary>
internal static class DataOption
{
    public static Option<DirectoryInfo> Create() => new("--data")
    {
        Description = "Data folder (database, index). Default: $MeetingTracker__DataDir, else ~/.local/share/meetingtracker.",
        DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("MeetingTracker__DataDir") is { Length: > 0 } env ? env : StorageSetup.DefaultDataDir()),
    };

    /// <summary>
    /// Whether <paramref name="dataDir"/>'s database was ever set up (SQLite: its file exists; PostgreSQL: a migration was
    /// applied), so that a verb that only reads says so instead of making an empty one.
    /// </summary>
    public static async Task<bool> ExistsAsync(DirectoryInfo dataDir, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        var database = DatabaseOptions.From(configuration);
        if (!database.IsPostgreSql) return File.Exists(StorageSetup.SqliteFile(database, dataDir.FullName));
        await using var db = StorageSetup.Open(database, dataDir.FullName);
        return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
    }

    /// <summary>Where the data is, for messages: the data folder on SQLite, the server's database on PostgreSQL.</summary>
    public static string Where(DirectoryInfo dataDir, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        var database = DatabaseOptions.From(configuration);
        return database.IsPostgreSql ? database.Describe(dataDir.FullName) : dataDir.FullName;
    }

    /// <summary>
    /// The services of the engine over <paramref name="dataDir"/> and the database the environment names as for the web
    /// host (<c>MeetingTracker__Database__Provider</c>, <c>MeetingTracker__Database__ConnectionString</c>; the data
    /// folder's SQLite file without them), migrated; reference finding as the environment sets it for the web host
    /// (<c>MeetingTracker__References__Enabled</c>, <c>MeetingTracker__Teams__{team}__References__0__Pattern</c> …), so an
    /// import finds what the host would.
    /// </summary>
    public static Task<ServiceProvider> OpenAsync(DirectoryInfo dataDir, IConfiguration configuration, CancellationToken cancellationToken)
    {
        return HarvestingSetup.OpenAsync(
            dataDir.FullName,
            DatabaseOptions.From(configuration),
            services => services.Configure<ReferenceOptions>(o => configuration.GetSection(ReferenceOptions.Section).Bind(o)),
            cancellationToken);
    }
}
