using MeetingTracker.Core.Search;

namespace MeetingTracker.Web.Search;

public static class SearchHostExtensions
{
    /// <summary>
    /// The index writer's buffer of the web host: a harvest it runs fills it while pages are served, and issue 14 bounds
    /// the process at 400 MB (ADR 17 has the measurements). <c>MeetingTracker:Search:WriteBufferMB</c> overrides it.
    /// </summary>
    public const double WriteBufferMB = 16;

    /// <summary>
    /// The web host reads its index with positioned reads, not memory maps: mapped index pages count in its resident set,
    /// and a merge at a harvest's commit read whole segments through them (+64 MiB for seconds; ADR 17).
    /// <c>MeetingTracker:Search:MapFiles</c> overrides it.
    /// </summary>
    public const bool MapFiles = false;

    /// <summary>The index catch-up in the background (search itself is registered with the harvester).</summary>
    public static IHostApplicationBuilder AddSearchHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<SearchCatchUpService>();
        builder.Services.AddOptions<SearchIndexOptions>()
            .Configure(o =>
            {
                o.WriteBufferMB = WriteBufferMB;
                o.MapFiles = MapFiles;
            })
            .BindConfiguration(SearchIndexOptions.Section)
            .Validate(o => o.Problem() is null, "invalid MeetingTracker:Search options (WriteBufferMB: 1 to 1024, CatchUpSeconds: 0.1 to 3600)")
            .ValidateOnStart();
        return builder;
    }
}
