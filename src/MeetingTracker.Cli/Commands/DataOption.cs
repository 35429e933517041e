using System.CommandLine;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>The services of the engine over <paramref name="dataDir"/>, with the database migrated.</summary>
    public static async Task<ServiceProvider> OpenAsync(DirectoryInfo dataDir, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddHarvesting(dataDir.FullName)
            .BuildServiceProvider();
        await StorageSetup.MigrateAsync(services.GetRequiredService<IDbContextFactory<TrackerDb>>(), cancellationToken);
        return services;
    }
}
