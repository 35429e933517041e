using System.Globalization;

namespace MeetingTracker.Core.Meetbot;

/// <summary>
/// What a VOTE item's own text says, for readers that see only the text (minutes, and the replay of OpenStack, whose
/// counts are in it). meetingology prints <c>motion (Carried)</c> or <c>motion (Denied)</c>; OpenStack prints
/// <c>Voted on "Question?" Results are, Yes: 3, No: 1</c> with only the options someone voted for.
/// </summary>
public static class VoteText
{
    private const string OpenStackPrefix = "Voted on \"";
    private const string OpenStackResults = "\" Results are";

    public static VoteRecord Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (TrySplitOutcome(t, out var question, out var outcome))
        {
            return new VoteRecord(question, outcome, null, null, null, []);
        }

        if (t.StartsWith(OpenStackPrefix, StringComparison.Ordinal) && t.LastIndexOf(OpenStackResults, StringComparison.Ordinal) is var end and > 0)
        {
            var (inFavour, against, abstained) = OpenStackCounts(t[(end + OpenStackResults.Length)..]);
            return new VoteRecord(t[OpenStackPrefix.Length..end], null, inFavour, against, abstained, []);
        }

        return new VoteRecord(t, null, null, null, null, []);
    }

    /// <summary>Splits meetingology's <c>motion (Carried)</c> / <c>motion (Denied)</c> (any case).</summary>
    public static bool TrySplitOutcome(string text, out string question, out string outcome)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (suffix, word) in new[] { (" (Carried)", VoteOutcomes.Carried), (" (Denied)", VoteOutcomes.Denied) })
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                (question, outcome) = (text[..^suffix.Length].Trim(), word);
                return true;
            }
        }

        (question, outcome) = (text, string.Empty);
        return false;
    }

    /// <summary>meetingology's VOTE item text: <c>motion (Carried)</c> or <c>motion (Denied)</c>.</summary>
    public static string ItemText(string question, bool carried) => $"{question} ({(carried ? "Carried" : "Denied")})";

    /// <summary>meetingology's rule without its <c>#votesrequired</c> (0 unless set): carried when for - against &gt;= 0.</summary>
    public static string OutcomeOfCounts(int inFavour, int against) => inFavour - against >= 0 ? VoteOutcomes.Carried : VoteOutcomes.Denied;

    // ", Yes: 3, No: 1": counts only when every option shown means for, against or abstain (free options say neither).
    private static (int? For, int? Against, int? Abstained) OpenStackCounts(string results)
    {
        int inFavour = 0, against = 0, abstained = 0;
        var any = false;
        foreach (var part in results.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(part.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return (null, null, null);
            }

            switch (part[..colon].ToUpperInvariant())
            {
                case "YES": inFavour = n; break;
                case "NO": against = n; break;
                case "ABSTAIN": abstained = n; break;
                default: return (null, null, null);
            }

            any = true;
        }

        return any ? (inFavour, against, abstained) : (null, null, null);
    }
}
