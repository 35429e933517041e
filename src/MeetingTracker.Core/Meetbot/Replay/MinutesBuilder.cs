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
            People = [.. m.Attendees.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Lines).ThenBy(x => x.i).Select(x => new Attendee(x.a.Nick, x.a.Lines))],
            Warnings = warnings,
        };
    }

    // Python: " ".join(sorted(chairs)) with the owner added: an ordinal sort, as "Current chairs:" prints.
    private static string[] Chairs(MeetingState m) =>
        [.. m.Chairs.Append(m.Owner ?? string.Empty).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static (List<Topic> Topics, List<MinutesItem> Items) TopicsAndItems(MeetingState m)
    {
        // MeetBot's attendees (everyone who spoke, the bot included, plus #chair/#nick targets) are what its writers
        // search action texts for; the project's owners leave out bots and chairs who never said a word.
        var candidates = m.Attendees.Select(a => (a.Nick, Base: NickVariants.BaseNick(a.Nick))).ToList();
        var people = m.Attendees
            .Where(a => (a.Lines > 0 || m.NickTargets.Contains(a.Nick)) && !IsBot(m, a.Nick))
            .Select(a => a.Nick)
            .ToHashSet(StringComparer.Ordinal);

        var topics = new List<Topic>();
        var items = new List<MinutesItem>();
        foreach (var entry in m.Minutes)
        {
            var line = entry.Line;
            if (entry.IsTopic)
            {
                topics.Add(new Topic(entry.Text, line.Nick, line.Time, line.Number));
                continue;
            }

            var kind = entry.Kind!.Value;
            var isAction = kind == ItemKind.Action;
            var mentioned = isAction ? Mentioned(entry.Text, candidates) : [];
            items.Add(new MinutesItem(
                kind,
                entry.Text,
                line.Nick,
                line.Time,
                line.Number,
                topics.Count == 0 ? null : topics.Count - 1,
                isAction ? ActionAttribution.Published(entry.Text, mentioned, m.Dialect) : [],
                isAction ? ActionAttribution.Owners(entry.Text, mentioned.Where(people.Contains)) : [])
            {
                Url = entry.Url,
            });
        }

        return (topics, items);
    }

    // Every attribution rule needs the nick's base form somewhere in the text (any case), so testing that first
    // spares the per-nick regexes for the many attendees an action does not mention; order is kept.
    private static List<string> Mentioned(string text, List<(string Nick, string Base)> candidates)
    {
        var mentioned = new List<string>();
        foreach (var (nick, baseNick) in candidates)
        {
            if (text.Contains(baseNick.Length > 0 ? baseNick : nick, StringComparison.OrdinalIgnoreCase))
            {
                mentioned.Add(nick);
            }
        }

        return mentioned;
    }

    private static bool IsBot(MeetingState m, string nick) =>
        KnownBots.Contains(nick) || string.Equals(nick, m.Info.BotNick, StringComparison.Ordinal);
}
