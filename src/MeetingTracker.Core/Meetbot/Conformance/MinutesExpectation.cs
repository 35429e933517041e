using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MeetingTracker.Core.Meetbot.Conformance;

/// <summary>
/// What MeetBot's own HTML minutes (HTML2) show, read with deliberately simple patterns and independently of
/// <see cref="Html.MinutesHtmlReader"/>, so that the readers are checked against the file rather than against themselves.
/// </summary>
public sealed partial record MinutesExpectation(
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Actions,
    IReadOnlyList<(string Nick, int Lines)>? People,
    string? Started,
    string? Ended)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [GeneratedRegex(@"<b class=""TOPIC"">(.*?)</b>", RegexOptions.Singleline, 5000)]
    private static partial Regex TopicTag();

    [GeneratedRegex(@"<span class=""ACTION"">(.*?)</span> ?<span class=""details"">", RegexOptions.Singleline, 5000)]
    private static partial Regex ActionTag();

    [GeneratedRegex(@"<li>([^<]*?) ?\((\d+)\) ?</li>", RegexOptions.Singleline, 5000)]
    private static partial Regex PersonItem();

    [GeneratedRegex(@"Meeting started by\s+(\S+)\s+at\s+(\d\d:\d\d(?::\d\d)?)", RegexOptions.None, 5000)]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"Meeting ended at\s+(\d\d:\d\d(?::\d\d)?)", RegexOptions.None, 5000)]
    private static partial Regex EndedLine();

    [GeneratedRegex(@"<[^>]+>", RegexOptions.None, 5000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.None, 5000)]
    private static partial Regex Whitespace();

    /// <summary>True for MeetBot's classic minutes (other bots' minutes have other layouts).</summary>
    public static bool IsClassic(string html) => html.Contains("people present (lines said)", StringComparison.OrdinalIgnoreCase);

    public static MinutesExpectation FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var doc = Whitespace().Replace(html, " "); // MeetBot wraps lines inside tags
        var summary = Section(doc, "Meeting summary") ?? string.Empty;
        var people = Section(doc, @"People present \(lines said\)");
        return new MinutesExpectation(
            [.. TopicTag().Matches(doc).Select(m => Normalize(Tag().Replace(m.Groups[1].Value, string.Empty)))],
            [.. ActionTag().Matches(summary).Select(m => Normalize(Tag().Replace(m.Groups[1].Value, string.Empty)))],
            people is null ? null : [.. PersonItem().Matches(people).Select(m => (Normalize(m.Groups[1].Value), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))],
            StartedLine().Match(doc) is { Success: true } s ? s.Groups[2].Value : null,
            EndedLine().Match(doc) is { Success: true } e ? e.Groups[1].Value : null);
    }

    /// <summary>Unescape, drop control codes, NFC, collapse whitespace: the comparison form of any displayed text.</summary>
    public static string Normalize(string? text)
    {
        var s = IrcText.Clean(WebUtility.HtmlDecode(text ?? string.Empty)).Normalize(NormalizationForm.FormC);
        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? Section(string doc, string title)
    {
        var m = Regex.Match(doc, @"<h3> ?" + title + @" ?</h3>(.*?)(?=<h3>|<span class=""details""> ?Generated|</body>|$)", RegexOptions.Singleline | RegexOptions.IgnoreCase, Timeout);
        return m.Success ? m.Groups[1].Value : null;
    }
}
