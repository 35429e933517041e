using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Teams;

/// <summary>Redirects from a page during static rendering, before anything is written.</summary>
public static class PageRedirect
{
    /// <summary>
    /// 301 to <paramref name="relative"/> (a <see cref="Common.Links"/> URL) with the request's query string kept.
    /// NavigationManager only makes 302s; a page reached through an alias has one lasting address, which a 301 tells
    /// crawlers and caches.
    /// </summary>
    public static void Permanent(HttpContext context, NavigationManager navigation, string relative)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(navigation);
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = navigation.ToAbsoluteUri(relative) + context.Request.QueryString.Value;
    }
}
