using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace MeetingTracker.Web.Caching;

/// <summary>
/// The page cache's rule (the named policies <see cref="PageCacheSetup.PolicyName"/> and <see cref="PageCacheSetup.ListPolicyName"/>,
/// put on the pages, API answers and feeds that anonymous readers share): only GET and HEAD, only for a request that carries no credential (no session,
/// no bearer token: a signed-in page names its user and holds their forms, and is never served to anyone else), keyed
/// by path and every query value, one render at a time per key (a burst of misses waits for the first: no stampede),
/// kept until a change evicts its tags or <see cref="PageCacheSetup.Lifetime"/> passes (states and ages follow the clock),
/// and only a 200 without a cookie is stored.
/// </summary>
public sealed class PageCachePolicy(params string[] tags) : IOutputCachePolicy
{

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var shared = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && context.HttpContext.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = shared;
        context.AllowCacheLookup = shared;
        context.AllowCacheStorage = shared;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.ResponseExpirationTimeSpan = PageCacheSetup.Lifetime;
        context.Tags.Add(PageTags.Site);
        foreach (var tag in tags) context.Tags.Add(tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
