namespace MeetingTracker.Web.Feeds;

/// <summary>The site's root as the request reached it (scheme and host, behind the forwarded-headers middleware).</summary>
public static class SiteUri
{
    public static Uri Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }
}
