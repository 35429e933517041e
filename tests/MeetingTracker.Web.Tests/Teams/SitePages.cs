using System.Net;
using AngleSharp.Dom;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Teams;

/// <summary>Reading the site as the team, people and statistics tests do: redirects, cell texts and numbers.</summary>
internal static class SitePages
{
    /// <summary>The status and, for a redirect, where it leads (relative to the site's root).</summary>
    public static async Task<(HttpStatusCode Status, string? Location)> StatusAsync(this SiteFixture site, string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var location = response.Headers.Location;
        return (response.StatusCode, location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery.TrimStart('/') : location.OriginalString.TrimStart('/'));
    }

    /// <summary>The text of a cell, whitespace runs made one space.</summary>
    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static int Number(this IElement element) => int.Parse(element.Text(), System.Globalization.CultureInfo.InvariantCulture);
}
