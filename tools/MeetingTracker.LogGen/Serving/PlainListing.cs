using System.Globalization;
using System.Net;
using System.Text;

namespace MeetingTracker.LogGen.Serving;

/// <summary>Apache mod_autoindex without FancyIndexing: a bare list of links, nothing else to read.</summary>
internal static class PlainListing
{
    public static string Render(string path, string parentHref, IReadOnlyList<DirectoryItem> items)
    {
        var title = WebUtility.HtmlEncode(path.Length > 1 ? path.TrimEnd('/') : path);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
            <html>
             <head>
              <title>Index of {title}</title>
             </head>
             <body>
            <h1>Index of {title}</h1>
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
