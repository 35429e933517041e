using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingTracker.Core.Harvesting.Http;

public static class HttpSourceSetup
{
    public static IServiceCollection AddHttpSources(this IServiceCollection services)
    {
        services.TryAddSingleton<HttpSourceFactory>();
        return services;
    }
}
