using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// Reads a directory listing page: every <c>&lt;a href&gt;</c> that leads below the page inside the source's
/// scope (so parent, sort, off-site and script links drop out), with the size and time Apache's table, Apache's
/// and nginx's <c>&lt;pre&gt;</c> lines show beside the link. Names come from the href (the text may be cut short).
/// </summary>
public static partial class ListingParser
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "dd-MMM-yyyy HH:mm", "dd-MMM-yyyy HH:mm:ss"];

    public static IReadOnlyList<ListingEntry> Parse(string html, Uri pageUri, SourceScope scope)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUri);
        ArgumentNullException.ThrowIfNull(scope);
        var pagePath = scope.RelativePath(pageUri) ?? throw new ArgumentException($"{pageUri} is outside {scope.BaseUri}", nameof(pageUri));
        var folderPath = pagePath.EndsWith('/') || pagePath.Length == 0 ? pagePath : pagePath[..(pagePath.LastIndexOf('/') + 1)];

        var entries = new List<ListingEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var document = new HtmlParser().ParseDocument(html);
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")!.Trim();
            if (href.Length == 0 || !Uri.TryCreate(pageUri, href, out var target)) continue;
            var path = scope.RelativePath(target);
            if (path is null || path.Length <= folderPath.Length || !path.StartsWith(folderPath, StringComparison.Ordinal) || !seen.Add(path)) continue;

            var (size, exact, modified) = Details(anchor);
            entries.Add(new ListingEntry(path, path.EndsWith('/'), size, exact, modified));
        }

        return entries;
    }

    /// <summary>Size and time from the rest of the table row, or the rest of the <c>&lt;pre&gt;</c> line.</summary>
    private static (long? Size, bool Exact, DateTimeOffset? Modified) Details(IElement anchor)
    {
        var match = DetailPattern().Match(TextBeside(anchor));
        if (!match.Success) return (null, false, null);

        DateTimeOffset? modified = DateTimeOffset.TryParseExact(
            match.Groups["date"].Value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;
        var (size, exact) = ParseSize(match.Groups["size"].Value);
        return (size, exact, modified);
    }

    private static string TextBeside(IElement anchor)
    {
        var text = new StringBuilder();
        if (anchor.Closest("td") is { ParentElement: { } row } cell)
        {
            foreach (var next in row.Children.SkipWhile(c => c != cell).Skip(1))
            {
                text.Append(next.TextContent).Append(' ');
            }

            return text.ToString();
        }

        for (var node = anchor.NextSibling; node is IText; node = node.NextSibling)
        {
            var line = node.TextContent;
            var end = line.IndexOf('\n', StringComparison.Ordinal);
            text.Append(end < 0 ? line : line[..end]);
            if (end >= 0) break;
        }

        return text.ToString();
    }

    /// <summary>Digits alone are bytes; Apache's <c>1.2K</c>, <c>12M</c> are rounded to the unit.</summary>
    internal static (long? Size, bool Exact) ParseSize(string text)
    {
        if (text.Length == 0 || text == "-") return (null, false);
        var unit = "KMGTPE".IndexOf(char.ToUpperInvariant(text[^1]), StringComparison.Ordinal);
        var number = unit < 0 ? text : text[..^1];
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return (null, false);
        if (unit < 0) return ((long)value, !number.Contains('.', StringComparison.Ordinal));
        var bytes = value;
        for (var i = 0; i <= unit; i++) bytes *= 1024;
        return (bytes > long.MaxValue ? long.MaxValue : (long)bytes, false);
    }

    [GeneratedRegex(@"(?<date>\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?|\d{2}-[A-Za-z]{3}-\d{4} \d{2}:\d{2}(?::\d{2})?)\s+(?<size>\d+(?:\.\d+)?[KMGTPEkmgtpe]?|-)", RegexOptions.CultureInvariant)]
    private static partial Regex DetailPattern();
}
