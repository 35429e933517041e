using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingTracker.Core.Harvesting.Http;

public static class HttpSourceSetup
{
    /// <summary>Registers the HTTP source factory (one connection pool and one client per source, for the process).</summary>
    public static IServiceCollection AddHttpSources(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HttpSourceFactory>();
        return services;
    }
}
