namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// Turns what a minutes reader found into the shared model: times of day become instants (file-name date, midnight
/// roll-over), items get their topic index, and the published "by person" lists are mapped back onto the summary's
/// actions by text and order (the by-person section may be missing or incomplete: see the reference, §2.3).
/// The bot is known only from an embedded log (moin): minutes alone do not show who behaved as the bot, so their
/// <see cref="ParsedMeeting.Bots"/> is empty and the harvester applies what the source's logs taught it (ADR 12).
/// </summary>
internal static class MinutesAssembler
{
    public static ParsedMeeting Build(MinutesDraft d, MeetingFileName? name)
    {
        var warnings = d.Warnings;
        var date = d.StartDate ?? name?.Date;
        if (date is null)
        {
            warnings.Add(MeetingFileName.NoDateWarning);
        }

        var clock = new DayClock(date ?? MeetingFileName.UnknownDate, TimeSpan.FromMinutes(1));
        var startedAt = At(clock, d.StartTime, warnings, "start");
        var topics = new List<Topic>();
        var drafts = new List<(DraftEntry Entry, DateTimeOffset Time, int? Topic)>();
        foreach (var e in d.Entries)
        {
            var time = At(clock, e.Time, warnings, e.Text) ?? clock.Current;
            if (e.IsTopic)
            {
                topics.Add(new Topic(e.Text, e.Nick ?? string.Empty, time, e.Line));
            }
            else
            {
                drafts.Add((e, time, topics.Count == 0 ? null : topics.Count - 1));
            }
        }

        var endedAt = At(clock, d.EndTime, warnings, "end");
        if (d.EndDate is { } endDate && endedAt is { } end)
        {
            endedAt = new DateTimeOffset(endDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).Add(end.TimeOfDay);
        }

        var (channel, title) = MinutesText.SplitPageTitle(d.PageTitle);
        var people = d.People ?? [];
        string[] bots = d.Lines.Count > 0 && Replay.DialectDetector.BotOf(d.Lines) is { } bot ? [bot] : [];
        var attendees = people.Select(p => p.Nick).Where(n => !bots.Contains(n, StringComparer.Ordinal)).ToList();
        var assignees = Assignees(drafts.Select(x => x.Entry).ToList(), d.ByPerson, warnings);
        var items = drafts.Select((x, i) => new MinutesItem(
            x.Entry.Kind,
            x.Entry.Text,
            x.Entry.Nick ?? string.Empty,
            x.Time,
            x.Entry.Line,
            x.Topic,
            assignees[i],
            x.Entry.Kind == ItemKind.Action ? ActionAttribution.Owners(x.Entry.Text, attendees) : [])
        {
            Url = x.Entry.Url,
            Vote = x.Entry.Kind == ItemKind.Vote ? x.Entry.Vote ?? VoteText.Parse(x.Entry.Text) : null,
        }).ToList();

        return new ParsedMeeting
        {
            Format = d.Format,
            Dialect = d.Dialect,
            FileName = name,
            Channel = d.Channel ?? channel ?? name?.ChannelHint,
            Title = title,
            StartedAt = startedAt,
            EndedAt = endedAt,
            StartedBy = d.StartedBy,
            Chairs = d.Chairs,
            LineCount = d.Lines.Count == 0 ? null : d.Lines.Count,
            Lines = d.Lines,
            Topics = topics,
            Items = items,
            People = people,
            Bots = bots,
            IsComplete = endedAt is not null,
            Warnings = warnings,
        };
    }

    private static DateTimeOffset? At(DayClock clock, string? time, List<string> warnings, string what)
    {
        if (time is null)
        {
            return null;
        }

        if (DayClock.TryParseTime(time, out var t))
        {
            return clock.At(t);
        }

        warnings.Add($"unreadable time '{time}' ({Shorten(what)})");
        return null;
    }

    // Each person's list keeps meeting order, so a cursor per person maps repeated texts to the right action.
    private static IReadOnlyList<string>[] Assignees(List<DraftEntry> entries, List<DraftPerson>? byPerson, List<string> warnings)
    {
        var result = new List<string>[entries.Count];
        for (var i = 0; i < result.Length; i++) result[i] = [];
        if (byPerson is null)
        {
            return result;
        }

        var texts = entries.Select(e => e.Kind == ItemKind.Action ? MinutesText.Collapse(e.Text) : null).ToArray();
        foreach (var person in byPerson)
        {
            var nick = person.Nick.Trim('*', ' ');
            if (string.Equals(nick, "UNASSIGNED", StringComparison.Ordinal))
            {
                continue;
            }

            var cursor = 0;
            foreach (var action in person.Actions)
            {
                var text = MinutesText.Collapse(action);
                var j = Array.FindIndex(texts, cursor, t => string.Equals(t, text, StringComparison.Ordinal));
                if (j < 0)
                {
                    warnings.Add($"'Action items, by person' lists '{Shorten(text)}' under {nick}, but no such action is in the summary");
                    continue;
                }

                if (!result[j].Contains(nick, StringComparer.Ordinal))
                {
                    result[j].Add(nick);
                }

                cursor = j + 1;
            }
        }

        return result;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
