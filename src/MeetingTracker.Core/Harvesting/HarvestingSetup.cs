using MeetingTracker.Core.Harvesting.Http;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingTracker.Core.Harvesting;

/// <summary>Registers storage and the harvester, for any host (web, CLI, benchmarks, tests).</summary>
public static class HarvestingSetup
{
    public static IServiceCollection AddHarvesting(this IServiceCollection services, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        services.AddTrackerStorage(dataDir);
        services.AddSearch(dataDir);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpSources();
        services.TryAddSingleton<MeetbotSourceFactory>();
        services.TryAddSingleton(new SourceLocks(Path.Combine(Path.GetFullPath(dataDir), "locks")));
        services.TryAddSingleton<Harvester>();
        services.TryAddSingleton<Meetings.AliasEditor>();
        return services;
    }
}
