namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>Turns the replayed state into the shared model: topics, items with attribution, people, times.</summary>
internal static class MinutesBuilder
{
    public static ParsedMeeting Build(MeetingState m, IReadOnlyList<LogLine> lines, ReplayContext context, List<string> warnings)
    {
        var (topics, items) = TopicsAndItems(m);
        return new ParsedMeeting
        {
            Format = context.Format,
            Dialect = m.Dialect,
            FileName = context.FileName,
            Channel = context.Channel ?? context.FileName?.ChannelHint,
            Title = m.MeetingTopic,
            MeetingName = m.MeetingName,
            StartedAt = m.StartLine?.Time,
            StartedBy = m.ImplicitStart ? null : m.Owner,
            EndedAt = m.EndLine?.Time,
            IsComplete = m.EndLine is not null && !m.Aborted,
            Chairs = Chairs(m),
            LineCount = lines.Count,
            Lines = lines,
            Topics = topics,
            Items = items,
            People = People(m),
            Bots = m.Info.BotNick is { } bot ? [bot] : [],
            Warnings = warnings,
        };
    }

    // Python: " ".join(sorted(chairs)) with the owner added: an ordinal sort, as "Current chairs:" prints.
    private static string[] Chairs(MeetingState m)
    {
        var chairs = new List<string>(m.Chairs);
        if (m.Owner is { } owner && !m.Chairs.Contains(owner))
        {
            chairs.Add(owner);
        }

        chairs.Sort(StringComparer.Ordinal);
        return [.. chairs];
    }

    // Most lines first; equal counts keep the order people were first seen.
    private static Attendee[] People(MeetingState m)
    {
        var nicks = m.AttendeeNicks;
        var lines = m.AttendeeLines;
        var people = new Attendee[nicks.Count];
        for (var i = 0; i < people.Length; i++)
        {
            // A stable insertion sort: a meeting has tens of people, and no comparer needs allocating.
            var person = new Attendee(nicks[i], lines[i]);
            var at = i;
            while (at > 0 && people[at - 1].Lines < person.Lines)
            {
                people[at] = people[at - 1];
                at--;
            }

            people[at] = person;
        }

        return people;
    }

    private static (List<Topic> Topics, List<MinutesItem> Items) TopicsAndItems(MeetingState m)
    {
        var topics = new List<Topic>();
        var items = new List<MinutesItem>(m.Minutes.Count);
        Attribution? attribution = null;
        foreach (var entry in m.Minutes)
        {
            var line = entry.Line;
            if (entry.IsTopic)
            {
                topics.Add(new Topic(entry.Text, line.Nick, line.Time, line.Number));
                continue;
            }

            var kind = entry.Kind!.Value;
            var (assignees, owners) = kind == ItemKind.Action
                ? (attribution ??= new Attribution(m)).Of(entry.Text)
                : ([], []);
            items.Add(new MinutesItem(kind, entry.Text, line.Nick, line.Time, line.Number, topics.Count == 0 ? null : topics.Count - 1, assignees, owners)
            {
                Url = entry.Url,
                Vote = entry.Vote,
            });
        }

        return (topics, items);
    }
}
