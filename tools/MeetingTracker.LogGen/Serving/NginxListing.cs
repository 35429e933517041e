using System.Globalization;
using System.Net;
using System.Text;

namespace MeetingTracker.LogGen.Serving;

/// <summary>
/// nginx <c>autoindex on</c> (exact sizes, UTC): folders first, names cut to 50 characters with <c>..&gt;</c>,
/// then <c>dd-Mon-yyyy HH:mm</c> and the size right-aligned; CRLF line ends.
/// </summary>
internal static class NginxListing
{
    private const int NameWidth = 50;

    public static string Render(string path, IReadOnlyList<DirectoryItem> items)
    {
        var title = WebUtility.HtmlEncode(path);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<html>\r\n<head><title>Index of {title}</title></head>\r\n<body>\r\n<h1>Index of {title}</h1><hr><pre><a href=\"../\">../</a>\r\n");
        foreach (var item in items.OrderBy(i => !i.IsFolder).ThenBy(i => i.Name, StringComparer.Ordinal))
        {
            var name = item.Name + (item.IsFolder ? "/" : string.Empty);
            var shown = name.Length > NameWidth ? name[..(NameWidth - 3)] + "..>" : name;
            var size = item.IsFolder ? "-" : item.Size.ToString(CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{WebUtility.HtmlEncode(item.Href)}\">{WebUtility.HtmlEncode(shown)}</a>");
            html.Append(' ', NameWidth - shown.Length + 1);
            html.Append(CultureInfo.InvariantCulture, $"{item.ModifiedUtc:dd-MMM-yyyy HH:mm} {size,19}\r\n");
        }

        html.Append("</pre><hr></body>\r\n</html>\r\n");
        return html.ToString();
    }
}
