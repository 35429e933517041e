using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Teams;

/// <summary>Reading the site as the team, people and statistics tests do: parsed pages, API answers as records, bare responses.</summary>
internal static class SitePages
{
    public static async Task<IDocument> DocumentAsync(this SiteFixture site, string path)
        => await new HtmlParser().ParseDocumentAsync(await site.GetPageAsync(path), TestContext.Current.CancellationToken);

    public static async Task<T> JsonAsync<T>(this SiteFixture site, string path)
        => JsonSerializer.Deserialize<T>(await site.GetPageAsync(path), JsonSerializerOptions.Web) ?? throw new InvalidOperationException("null answer to " + path);

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
