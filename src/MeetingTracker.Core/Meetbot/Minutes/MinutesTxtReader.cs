using MeetingTracker.Core.Meetbot.Replay;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// Reads <c>.txt</c> minutes: MeetBot 0.1.4 (title-case headings, <c>.. _`MeetBot`:</c> footer), the later and
/// OpenStack layout (sentence case, no "Action items" section) and the Matrix bot's. Text minutes carry no line
/// numbers. Topics and items share the <c>* text  (nick, HH:MM:SS)</c> form and are told apart by indentation and
/// blank lines (see <see cref="TextSummary"/>); only MeetBot's uppercase labels are read as item types.
/// </summary>
public static class MinutesTxtReader
{
    public static ParsedMeeting Read(ReadOnlySpan<byte> bytes, MeetingFileName? name)
    {
        var text = IrcText.Decode(bytes, out var fellBack);
        var layout = TextMinutesLayout.Parse(text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray());
        if (!layout.Sections.TryGetValue("meeting summary", out var summary))
        {
            throw new MeetbotFormatException("not meetbot text minutes: no 'Meeting summary' heading underlined with '-'");
        }

        var d = new MinutesDraft(MeetbotFormat.MinutesTxt) { PageTitle = layout.Title };
        if (fellBack)
        {
            d.Warnings.Add("some lines are not valid UTF-8 and were decoded as Windows-1252");
        }

        d.ReadStartAndEnd(layout.Header, layout.EndLine);
        var bullets = TextBullets.Read(summary, d.Warnings);
        d.Dialect = Dialect(layout, bullets);
        d.Entries.AddRange(TextSummary.Entries(bullets, d.Dialect, d.Warnings));
        d.ByPerson = ByPerson(layout);
        d.People = People(layout, d.Warnings);
        return MinutesAssembler.Build(d, name);
    }

    private static MeetbotDialect Dialect(TextMinutesLayout layout, List<TextBullet> bullets)
    {
        var titleCase = layout.Headings.Any(h => h is "Action Items" or "Action Items, by person" or "People Present (lines said)");
        if (layout.FooterVersion is null && (layout.HasMarkdownTitle
            || bullets.Any(b => b.Indent == 0 && b.Text.StartsWith("TOPIC: ", StringComparison.Ordinal))))
        {
            return MeetbotDialect.Matrix;
        }

        if (layout.HasRestFooter || (titleCase && layout.FooterVersion is not null))
        {
            return MeetbotDialect.Meetbot014;
        }

        if (layout.FooterVersion is null)
        {
            return titleCase ? MeetbotDialect.Meetbot014 : MeetbotDialect.Unknown;
        }

        return bullets.Any(b => b.Indent > 0 && b.Text.StartsWith("VOTE: ", StringComparison.Ordinal))
            ? MeetbotDialect.OpenStack
            : MeetbotDialect.MeetbotLater;
    }

    private static List<DraftPerson>? ByPerson(TextMinutesLayout layout)
    {
        if (!layout.Sections.TryGetValue("action items, by person", out var lines))
        {
            return null;
        }

        var people = new List<DraftPerson>();
        foreach (var b in TextBullets.Read(lines))
        {
            if (b.Indent == 0)
            {
                people.Add(new DraftPerson(b.Text, []));
            }
            else if (people.Count > 0 && b.Text != "(none)")
            {
                people[^1].Actions.Add(b.Text);
            }
        }

        return people;
    }

    private static List<Attendee>? People(TextMinutesLayout layout, List<string> warnings)
    {
        if (!layout.Sections.TryGetValue("people present (lines said)", out var lines))
        {
            return null;
        }

        var people = new List<Attendee>();
        foreach (var b in TextBullets.Read(lines))
        {
            if (PeopleCount.TryParse(b.Text, out var attendee))
            {
                people.Add(attendee);
            }
            else
            {
                warnings.Add($"unreadable 'People present' entry '{b.Text}'");
            }
        }

        return people;
    }

    internal static string? LinkUrlOf(string text, MeetbotDialect dialect) => text.Length == 0 ? null : LinkUrl.Find(text, dialect);
}
