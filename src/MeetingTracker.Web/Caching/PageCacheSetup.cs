using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingTracker.Web.Caching;

/// <summary>
/// The page cache (ASP.NET Core output caching, ADR 15): the pages, API answers and feeds anonymous readers share are
/// rendered once and served from memory until a change evicts them (<see cref="PageCacheEviction"/>), with validators
/// for 304s (<see cref="ConditionalResponses"/>). An endpoint joins with <c>.CacheOutput(PageCacheSetup.PolicyName)</c>
/// or, for a page, <c>@attribute [OutputCache(PolicyName = PageCacheSetup.PolicyName)]</c>.
/// </summary>
public static class PageCacheSetup
{
    /// <summary>A page of one thing (a meeting, team, person, action, idea), which adds its own tags (<see cref="PageTags"/>).</summary>
    public const string PolicyName = "page";

    /// <summary>A page across the site, tagged <see cref="PageTags.Lists"/>.</summary>
    public const string ListPolicyName = "list";

    /// <summary>How long a page is kept at most: states and ages follow the clock, and edits made outside the site's
    /// processes without a trace the eviction can read (an alias edit on the command line) show by then.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Memory the cached answers may take: a meeting page is about 30 kB, so some 2,000 pages, the busy part of a
    /// 10,000-meeting site; past it the store compacts (least recently used first). Issue 14 bounds the process at 400 MB.
    /// </summary>
    public const long SizeLimit = 64L * 1024 * 1024;

    public static WebApplicationBuilder AddPageCache(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOutputCache(o =>
        {
            o.AddPolicy(PolicyName, new PageCachePolicy());
            o.AddPolicy(ListPolicyName, new PageCachePolicy(PageTags.Lists));
            o.SizeLimit = SizeLimit;
            o.MaximumBodySize = 4 * 1024 * 1024;
            o.DefaultExpirationTimeSpan = Lifetime;

            // /teams/DOCS answers a redirect to /teams/docs: a path differently spelled is another answer.
            o.UseCaseSensitivePaths = true;
        });
        builder.Services.AddSingleton<PageCacheEviction>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PageCacheEviction>());
        builder.Services.AddSingleton<Core.Harvesting.IMeetingsChangedHandler>(sp => sp.GetRequiredService<PageCacheEviction>());
        builder.Services.AddSingleton<IInterceptor, PageCacheWrites>();
        return builder;
    }

    /// <summary>After authentication (a signed-in request is never served from the shared cache), before the endpoints.</summary>
    public static WebApplication UsePageCache(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOutputCache();
        app.UseMiddleware<ConditionalResponses>();
        return app;
    }
}
