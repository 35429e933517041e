using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Topics;

/// <summary>
/// A <c>#topic</c> title as the same subject across meetings: chairs number their agenda (<c>1/</c>, <c>3.</c>,
/// <c>[a]</c>, <c>(ii)</c>), date their standing topics (<c>Status 2024-01-08</c>, <c>Meeting of 8 Jan</c>), and
/// spell the same words in another case or with a colon at the end. <see cref="Key"/> drops all of that and is what
/// two meetings' topics are compared by; <see cref="Display"/> drops the numbering and dates but keeps the chair's
/// case, for showing.
/// </summary>
public sealed partial record TopicTitle(string Key, string Display)
{
    /// <summary>The slug of a topic whose title is only numbering, dates or punctuation.</summary>
    public const string EmptySlug = "topic";

    private const int MaxSlugLength = 80;

    /// <summary>Normalises one title (IRC formatting removed first).</summary>
    public static TopicTitle Of(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = Collapse(IrcText.Clean(title));

        // Numbering can follow a date ("2024-01-08: 1. Roll call") and dates can follow numbering: strip until stable.
        string before;
        do
        {
            before = text;
            text = Collapse(EmptyBrackets().Replace(Dates().Replace(text, " "), " "));
            text = LeadingNumbering().Replace(text, string.Empty);
            text = text.Trim(EdgePunctuation);
            text = Collapse(text);
        }
        while (text != before);

        // A title that is only a date or a number is its own subject.
        var display = text.Length > 0 ? text : Collapse(IrcText.Clean(title));
        return new TopicTitle(display.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), display);
    }

    /// <summary>
    /// The key as a URL path segment: lower-case letters and digits (any script) joined by single hyphens, at most
    /// 80 characters, cut at a hyphen; <see cref="EmptySlug"/> when nothing is left.
    /// </summary>
    public static string Slug(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sb = new StringBuilder(Math.Min(key.Length, MaxSlugLength));
        var hyphen = false;
        foreach (var c in key.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (hyphen && sb.Length > 0) sb.Append('-');
                hyphen = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                hyphen = true;
            }
        }

        var slug = sb.ToString();
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = slug[..(cut > 0 ? cut : MaxSlugLength)];
        }

        return slug.Length == 0 ? EmptySlug : slug;
    }

    private static readonly char[] EdgePunctuation = [' ', '\t', ':', ';', ',', '.', '!', '?', '-', '–', '—', '…', '/', '|', '*', '#', '=', '~', '_'];

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // What a removed date leaves: "Status (2024-01-08)".
    [GeneratedRegex(@"\(\s*\)|\[\s*\]")]
    private static partial Regex EmptyBrackets();

    // Agenda numbering at the start: "1/", "3.", "2)", "1.2.", "#4", "4 -", "IV.", "[a]", "(ii)", "a)", "b."; a number,
    // letter or roman numeral only when a bracket or a mark after it says so ("3 things to decide" and "a new plan"
    // keep theirs); also "Topic 3:" and "Item 2 -" as chairs write them.
    [GeneratedRegex(
        @"^(?:(?:topic|item|point)\s+)?(?:" +
        @"[\[(]\s*(?:\d{1,3}|[a-z]|[ivx]{1,6})\s*[\])]" +
        @"|#?\d{1,3}(?:\.\d{1,3})*\s*(?:[./):]|\s[-–])" +
        @"|#\d{1,3}(?=\s)" +
        @"|(?:[a-z]|[ivx]{1,6})[.)]" +
        @")(?=\s|$|\p{P})\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumbering();

    // Calendar dates anywhere in the title: ISO "2024-01-08" / "2024/01/08" / "20240108", day-month-year "08.01.2024",
    // "8/1/2024", and English month names (the language MeetBot's own pages and most agendas use) with an optional
    // day (1st, 2nd...) and year: "Jan 8", "8 January 2024", "January 8th, 2024", "2nd of June". A month name alone
    // ("May") is left: it may be a word.
    [GeneratedRegex(
        @"(?<![\w.])(?:" +
        @"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}" +
        @"|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}" +
        @"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])" +
        @"|\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+" + Month + @"(?:,?\s+\d{4})?" +
        @"|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?" +
        @"|" + Month + @"\s+\d{4}" +
        @")(?![\w])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dates();

    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    /// <summary>For diagnostics and tests: the key in the invariant culture's lower case.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key} ({Display})");
}
