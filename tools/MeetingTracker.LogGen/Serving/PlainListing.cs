using System.Globalization;
using System.Net;
using System.Text;

namespace MeetingTracker.LogGen.Serving;

/// <summary>Apache mod_autoindex without FancyIndexing: a bare list of links, nothing else to read.</summary>
internal static class PlainListing
{
    public static string Render(string path, string parentHref, IReadOnlyList<DirectoryItem> items)
    {
        var html = ApacheListing.Begin(path);
        html.Append(CultureInfo.InvariantCulture, $"""
            <ul><li><a href="{parentHref}"> Parent Directory</a></li>

            """);
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{WebUtility.HtmlEncode(item.Href)}\"> {WebUtility.HtmlEncode(item.Name + (item.IsFolder ? "/" : string.Empty))}</a></li>\n");
        }

        html.Append("</ul>\n</body></html>\n");
        return html.ToString();
    }
}
