namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// Tells topics from items in a text "Meeting summary". MeetBot writes topics and the items before the first topic
/// unindented, later items indented by two, and a blank line before every topic but the first. So: the first topic
/// is the last unindented bullet of the first group when anything follows it (indented items or a later group);
/// every unindented bullet of a later group is a topic. When the whole summary is one group of unindented bullets,
/// text alone cannot tell "#info then #topic" from two #info: the last bullet is read as a topic unless it carries an
/// item label, with a warning. The Matrix bot marks topics with <c>TOPIC:</c> instead.
/// </summary>
internal static class TextSummary
{
    public static IEnumerable<DraftEntry> Entries(List<TextBullet> bullets, MeetbotDialect dialect, List<string> warnings)
    {
        var matrix = dialect == MeetbotDialect.Matrix;
        var firstTopic = matrix ? -1 : FirstTopic(bullets, warnings);
        for (var i = 0; i < bullets.Count; i++)
        {
            var b = bullets[i];
            var text = b.Text;
            string? nick = null, time = null;
            if (MinutesText.TrySplitTrailer(text, out var body, out var n, out var t))
            {
                (text, nick, time) = (body, n, t);
            }

            var isTopic = matrix
                ? b.Indent == 0 && text.StartsWith("TOPIC:", StringComparison.Ordinal)
                : i == firstTopic || (b.Indent == 0 && b.Block > bullets[0].Block);
            if (isTopic)
            {
                yield return new DraftEntry(true, default, matrix ? text[6..].Trim() : text, nick, time, null);
                continue;
            }

            var (kind, itemText) = ItemKinds.SplitLabel(text, allowInfoLabel: matrix);
            var url = kind == ItemKind.Link ? MinutesTxtReader.LinkUrlOf(itemText, dialect) : null;
            yield return new DraftEntry(false, kind, itemText, nick, time, null, url);
        }
    }

    private static int FirstTopic(List<TextBullet> bullets, List<string> warnings)
    {
        if (bullets.Count == 0)
        {
            return -1;
        }

        var lastUnindented = -1;
        for (var i = 0; i < bullets.Count && bullets[i].Block == bullets[0].Block; i++)
        {
            if (bullets[i].Indent > 0)
            {
                return lastUnindented;
            }

            lastUnindented = i;
        }

        if (lastUnindented < 0)
        {
            return -1;
        }

        var last = bullets[lastUnindented].Text;
        if (ItemKinds.SplitLabel(last, allowInfoLabel: false).Kind != ItemKind.Info)
        {
            return -1; // a labelled item is never a topic
        }

        if (lastUnindented < bullets.Count - 1)
        {
            return lastUnindented;
        }

        warnings.Add($"text minutes cannot tell a #topic without items from an #info before any topic: '{Shorten(last)}' is read as a topic");
        return lastUnindented;
    }

    private static string Shorten(string text) => text.Length <= 50 ? text : text[..47] + "...";
}
