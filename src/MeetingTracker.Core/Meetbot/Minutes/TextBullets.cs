namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>A <c>* text</c> entry of text minutes with its wrapped continuation lines joined.</summary>
/// <param name="Indent">Spaces before the <c>*</c>: 0 for topics and items before the first topic, 2 for items.</param>
/// <param name="Block">Which blank-line separated group it is in (MeetBot puts a blank line before each later topic).</param>
internal sealed record TextBullet(int Indent, string Text, int Block);

/// <summary>
/// Groups text-minutes lines into bullets. MeetBot fills each entry at 72 columns with continuation lines indented
/// two more than the bullet, so a line is a new bullet when it starts with <c>* </c> at indent 0 or 2 (or 4 after a
/// topic, the Matrix bot's item indent); any other non-blank line continues the bullet before it.
/// </summary>
internal static class TextBullets
{
    public static List<TextBullet> Read(IEnumerable<string> lines, List<string>? warnings = null)
    {
        var bullets = new List<TextBullet>();
        var parts = new List<string>();
        int indent = -1, block = 0;
        var gap = false;

        void Flush()
        {
            if (indent >= 0)
            {
                bullets.Add(new TextBullet(indent, MinutesText.Collapse(string.Join(' ', parts)), block));
            }

            parts.Clear();
            indent = -1;
        }

        foreach (var line in lines)
        {
            var content = line.TrimStart(' ');
            if (content.Trim().Length == 0)
            {
                Flush();
                gap = bullets.Count > 0;
                continue;
            }

            var at = line.Length - content.Length;
            var isBullet = (content.StartsWith("* ", StringComparison.Ordinal) || content == "*")
                && (at is 0 or 2 || (at == 4 && indent is not 2));
            if (isBullet)
            {
                Flush();
                block += gap ? 1 : 0;
                gap = false;
                indent = at;
                parts.Add(content.Length > 2 ? content[2..] : string.Empty);
            }
            else if (indent >= 0)
            {
                parts.Add(content);
            }
            else
            {
                warnings?.Add($"text outside any '* ' entry ignored: '{(content.Length > 40 ? content[..40] + "…" : content)}'");
            }
        }

        Flush();
        return bullets;
    }
}
