using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>Reads one "People present (lines said)" entry: <c>nick (N)</c> (hcoop-meetbot: <c>nick - N lines</c>).</summary>
internal static class PeopleCount
{
    public static bool TryParse(string text, out Attendee attendee)
    {
        attendee = new Attendee(string.Empty, 0);
        text = text.Trim();
        if (text.EndsWith(')'))
        {
            var open = text.LastIndexOf('(');
            if (open > 0 && int.TryParse(text.AsSpan(open + 1, text.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                attendee = new Attendee(text[..open].TrimEnd(), n);
                return attendee.Nick.Length > 0;
            }
        }

        const string Lines = " lines";
        var dash = text.LastIndexOf(" - ", StringComparison.Ordinal);
        if (dash > 0 && text.EndsWith(Lines, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(dash + 3, text.Length - dash - 3 - Lines.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            attendee = new Attendee(text[..dash], count);
            return true;
        }

        return false;
    }
}
