using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Components.Pages.Search;

public static class SearchPagesHostExtensions
{
    /// <summary>The search page's and /api/search's queries, with their short-lived answers.</summary>
    public static IHostApplicationBuilder AddSearchPages(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SearchQueries>();
        builder.Services.AddSingleton<IMeetingsChangedHandler>(sp => sp.GetRequiredService<SearchQueries>());
        return builder;
    }
}
