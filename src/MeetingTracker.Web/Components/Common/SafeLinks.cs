using System.Text.RegularExpressions;

namespace MeetingTracker.Web.Components.Common;

/// <summary>
/// Splits untrusted text (log lines, topics, items, nicks) into plain runs and links. Only http, https, irc, ircs and
/// mailto addresses become links; everything is rendered by Razor as text, so markup in a log line stays text.
/// </summary>
public static partial class SafeLinks
{
    public static IEnumerable<TextRun> Split(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var at = 0;
        foreach (Match match in Url().Matches(text))
        {
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"', ')', ']', '>');
            if (!IsSafe(url)) continue;
            if (match.Index > at) yield return new TextRun(text[at..match.Index], null);
            yield return new TextRun(url, url);
            at = match.Index + url.Length;
        }

        if (at < text.Length) yield return new TextRun(text[at..], null);
    }

    /// <summary>Whether <paramref name="url"/> is an absolute http(s), irc(s) or mailto address.</summary>
    public static bool IsSafe(string? url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "irc" or "ircs" or "mailto";

    [GeneratedRegex(@"\b(?:(?:https?|ircs?)://|mailto:)[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}

/// <summary>A run of text, a link when <see cref="Href"/> is set.</summary>
public sealed record TextRun(string Text, string? Href);
