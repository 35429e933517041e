using System.Globalization;
using System.Net;
using System.Text;

namespace MeetingTracker.LogGen.Serving;

/// <summary>
/// Apache 2.4 mod_autoindex with <c>IndexOptions FancyIndexing HTMLTable</c>: sort links in the header row, an
/// absolute "Parent Directory" link, local-time minutes and abbreviated sizes (apr_strfsize).
/// </summary>
internal static class ApacheListing
{
    public static string Render(string path, string parentHref, IReadOnlyList<DirectoryItem> items)
    {
        var html = Begin(path);
        html.Append(CultureInfo.InvariantCulture, $"""
              <table>
               <tr><th valign="top"><img src="/icons/blank.gif" alt="[ICO]"></th><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th><th><a href="?C=S;O=A">Size</a></th><th><a href="?C=D;O=A">Description</a></th></tr>
               <tr><th colspan="5"><hr></th></tr>
            <tr><td valign="top"><img src="/icons/back.gif" alt="[PARENTDIR]"></td><td><a href="{parentHref}">Parent Directory</a></td><td>&nbsp;</td><td align="right">  - </td><td>&nbsp;</td></tr>

            """);
        foreach (var item in items)
        {
            // Apache writes "./" before a name with a colon, so it cannot read as a URL scheme.
            var href = item.Href.Replace("%3A", ":", StringComparison.Ordinal);
            if (href.Contains(':', StringComparison.Ordinal)) href = "./" + href;
            var (icon, alt) = item.IsFolder ? ("folder", "[DIR]") : ("text", "[TXT]");
            html.Append(CultureInfo.InvariantCulture, $"""<tr><td valign="top"><img src="/icons/{icon}.gif" alt="{alt}"></td><td><a href="{WebUtility.HtmlEncode(href)}">{WebUtility.HtmlEncode(item.Name + (item.IsFolder ? "/" : string.Empty))}</a></td><td align="right">{item.ModifiedUtc:yyyy-MM-dd HH:mm}  </td><td align="right">{(item.IsFolder ? "  - " : Size(item.Size))}</td><td>&nbsp;</td></tr>""");
            html.Append('\n');
        }

        html.Append("""
               <tr><th colspan="5"><hr></th></tr>
            </table>
            <address>Apache/2.4.62 (Debian) Server at 127.0.0.1</address>
            </body></html>

            """);
        return html.ToString();
    }

    /// <summary>apr_strfsize: bytes below 973, else one decimal below 9.95 of a unit, else a whole number.</summary>
    internal static string Size(long size)
    {
        if (size < 973) return string.Create(CultureInfo.InvariantCulture, $"{size,3} ");
        const string units = "KMGTPE";
        var unit = 0;
        while (true)
        {
            var remain = (int)(size & 1023);
            size >>= 10;
            if (size >= 973)
            {
                unit++;
                continue;
            }

            if (size < 9 || (size == 9 && remain < 973))
            {
                remain = ((remain * 5) + 256) / 512;
                if (remain >= 10)
                {
                    size++;
                    remain = 0;
                }

                return string.Create(CultureInfo.InvariantCulture, $"{size}.{remain}{units[unit]}");
            }

            if (remain >= 512) size++;
            return string.Create(CultureInfo.InvariantCulture, $"{size,3}{units[unit]}");
        }
    }

    /// <summary>The head every mod_autoindex page starts with, fancy or plain, up to its <c>h1</c>.</summary>
    public static StringBuilder Begin(string path)
    {
        var title = WebUtility.HtmlEncode(path.Length > 1 ? path.TrimEnd('/') : path);
        return new StringBuilder().Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
            <html>
             <head>
              <title>Index of {title}</title>
             </head>
             <body>
            <h1>Index of {title}</h1>

            """);
    }
}
