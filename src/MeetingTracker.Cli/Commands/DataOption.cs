using System.CommandLine;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Projects;
using MeetingTracker.Core.Storage;
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
    /// The services of the engine over <paramref name="dataDir"/>, with the database migrated; reference finding as the
    /// environment sets it for the web host (<c>MeetingTracker__References__Enabled</c>,
    /// <c>MeetingTracker__Teams__{team}__References__0__Pattern</c> …), so an import finds what the host would.
    /// </summary>
    public static Task<ServiceProvider> OpenAsync(DirectoryInfo dataDir, CancellationToken cancellationToken)
        => OpenAsync(dataDir, CliConfiguration.Build(), cancellationToken);

    /// <inheritdoc cref="OpenAsync(DirectoryInfo, CancellationToken)"/>
    public static Task<ServiceProvider> OpenAsync(DirectoryInfo dataDir, IConfiguration configuration, CancellationToken cancellationToken)
    {
        return HarvestingSetup.OpenAsync(
            dataDir.FullName,
            services => services.Configure<ReferenceOptions>(o => configuration.GetSection(ReferenceOptions.Section).Bind(o)),
            cancellationToken);
    }
}
