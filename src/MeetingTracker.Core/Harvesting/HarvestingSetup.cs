using MeetingTracker.Core.Harvesting.Http;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Harvesting;

/// <summary>Registers storage and the harvester, for any host (web, CLI, benchmarks, tests).</summary>
public static class HarvestingSetup
{
    public static IServiceCollection AddHarvesting(this IServiceCollection services, string dataDir, DatabaseOptions? database = null)
    {
        ArgumentNullException.ThrowIfNull(dataDir);

        // First of the handlers: the search index, caches and pages after it see the refreshed action owners.
        services.TryAddSingleton<Accountability.ActionOwnersRefresh>();
        services.AddSingleton<IMeetingsChangedHandler>(sp => sp.GetRequiredService<Accountability.ActionOwnersRefresh>());
        services.AddOptions<Projects.ReferenceOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<Projects.ReferenceOptions>, Projects.ReferenceOptionsValidator>());
        services.TryAddSingleton<Projects.TeamReferences>();
        services.TryAddSingleton<Projects.MentionsRefresh>();
        services.AddSingleton<IMeetingsChangedHandler>(sp => sp.GetRequiredService<Projects.MentionsRefresh>());
        services.AddTrackerStorage(dataDir, database);
        services.AddSearch(dataDir);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpSources();
        services.TryAddSingleton<MeetbotSourceFactory>();
        services.TryAddSingleton(SourceLocks.For(dataDir, database));
        services.TryAddSingleton<Harvester>();
        services.TryAddSingleton<Meetings.AliasEditor>();
        services.AddSingleton<IMeetingsChangedHandler, Accounts.PendingClaimsCheck>();
        return services;
    }

    /// <summary>
    /// The engine's services over <paramref name="dataDir"/> outside a host (CLI, benchmarks, tests), with the database
    /// migrated. <paramref name="configure"/> runs before the defaults, so what it registers wins (a clock, say).
    /// </summary>
    public static Task<ServiceProvider> OpenAsync(string dataDir, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
        => OpenAsync(dataDir, null, configure, cancellationToken);

    /// <inheritdoc cref="OpenAsync(string, Action{IServiceCollection}?, CancellationToken)"/>
    /// <param name="database">The database; null for the data folder's SQLite file.</param>
    public static async Task<ServiceProvider> OpenAsync(string dataDir, DatabaseOptions? database, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        var collection = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        configure?.Invoke(collection);
        var services = collection.AddHarvesting(dataDir, database).BuildServiceProvider();
        try
        {
            await StorageSetup.MigrateAsync(services.GetRequiredService<IDbContextFactory<TrackerDb>>(), cancellationToken);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }
}
