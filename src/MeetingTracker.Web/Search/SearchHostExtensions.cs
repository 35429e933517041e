namespace MeetingTracker.Web.Search;

public static class SearchHostExtensions
{
    /// <summary>The index catch-up in the background (search itself is registered with the harvester).</summary>
    public static IHostApplicationBuilder AddSearchHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<SearchCatchUpService>();
        return builder;
    }
}
