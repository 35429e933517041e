using MeetingTracker.Core.Meetbot.Replay;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// Reads meetingology's <c>.moin.txt</c>. Its sections are what the minutes showed and stay authoritative for topics,
/// items and people; its "Full log" is replayed like a <c>.log.txt</c> to give the log lines, line numbers, nicks and
/// exact times that the moin summary often leaves out (see <see cref="MoinAlignment"/>).
/// </summary>
public static class MoinReader
{
    public static ParsedMeeting Read(ReadOnlySpan<byte> bytes, MeetingFileName? name)
    {
        var text = IrcText.Decode(bytes, out var fellBack);
        var layout = MoinLayout.Parse(text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray());
        if (!layout.Sections.ContainsKey("meeting summary") && !layout.Sections.ContainsKey("full log"))
        {
            throw new MeetbotFormatException("not meetingology moin minutes: no '== Meeting summary ==' or '== Full log ==' section");
        }

        var d = new MinutesDraft(MeetbotFormat.Moin) { Dialect = MeetbotDialect.Meetingology, PageTitle = layout.Title };
        if (fellBack)
        {
            d.Warnings.Add("some lines are not valid UTF-8 and were decoded as Windows-1252");
        }

        ReadInformation(layout, d);
        var votes = new MoinVotes();
        foreach (var (section, bare) in new[] { ("votes", true), ("vote results", false) })
        {
            foreach (var line in layout.Section(section).Select(l => l.Trim().TrimStart('*', ' ')).Where(l => l.Length > 0))
            {
                votes.TryAdd(line, bare);
            }
        }

        var summary = MoinSummary.Read(layout.Section("meeting summary"), layout.IsOldLayout, votes, out var endTime);
        votes.AdoptOrphans();
        d.EndTime ??= endTime;
        var replayed = Replay(layout.Section("full log"), name, d);
        var replayedByPerson = MoinAlignment.Apply(summary, replayed, d);
        MoinVoteMerge.Apply(d, votes.Votes, replayed, summaryHasVotes: !layout.IsOldLayout);
        MoinAlignment.FillTitles(d);
        d.ByPerson = ByPerson(layout) ?? replayedByPerson;
        d.People = People(layout, d.Warnings) ?? replayed?.People.ToList();
        var meeting = MinutesAssembler.Build(d, name);
        // The log's own #startmeeting or #meetingtopic words: meetingology 0.4.0 prints "Title meeting" in its
        // information line when the title lacks the word, so the line alone cannot give the title back.
        return replayed is null ? meeting : meeting with { MeetingName = replayed.MeetingName, Title = replayed.Title ?? meeting.Title, Bots = replayed.Bots };
    }

    private static void ReadInformation(MoinLayout layout, MinutesDraft d)
    {
        if (layout.IsOldLayout)
        {
            var started = MinutesText.StartedPattern().Match(layout.Header);
            if (started.Success)
            {
                d.StartedBy = started.Groups["nick"].Value;
                d.StartTime = started.Groups["time"].Value;
            }

            return;
        }

        var info = layout.Section("meeting information").FirstOrDefault(l => l.TrimStart().StartsWith("* #", StringComparison.Ordinal));
        if (info is not null && MoinInformation.TryParse(info, out var parsed))
        {
            (d.Channel, d.PageTitle, d.StartedBy, d.StartTime, d.EndTime) = parsed;
        }
        else
        {
            d.Warnings.Add("no readable ' * #channel: title, … at HH:MM &mdash; HH:MM UTC' meeting information line");
        }
    }

    private static ParsedMeeting? Replay(List<string> logLines, MeetingFileName? name, MinutesDraft d)
    {
        var collector = new LogLineCollector(name?.Date ?? MeetingFileName.UnknownDate);
        foreach (var line in logLines)
        {
            // Each log line is its own paragraph, indented by one space.
            if (line.Trim().Length > 0)
            {
                collector.Add(collector.Lines.Count + 1, line.AsSpan(line.StartsWith(' ') ? 1 : 0));
            }
        }

        if (collector.Unreadable.Count > 0)
        {
            d.Warnings.Add($"{collector.Unreadable.Count} line(s) of the full log do not read as 'time <nick> text' and were skipped");
        }

        collector.AddClockWarnings(d.Warnings);

        if (collector.Lines.Count == 0)
        {
            d.Warnings.Add("no full log: topics and items carry no line numbers");
            return null;
        }

        var context = new ReplayContext(MeetbotFormat.Moin, name, MeetbotDialect.Meetingology);
        var replayed = LogReplay.Replay(collector.Lines, context);
        d.Lines = replayed.Lines;
        d.Chairs = replayed.Chairs;
        d.StartedBy ??= replayed.StartedBy;
        d.StartTime ??= replayed.StartedAt?.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        d.EndTime ??= replayed.EndedAt?.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        d.Warnings.AddRange(replayed.Warnings.Where(w => !d.Warnings.Contains(w)));
        return replayed;
    }

    private static List<DraftPerson>? ByPerson(MoinLayout layout)
    {
        if (!layout.Sections.TryGetValue("action items, by person", out var lines))
        {
            return null;
        }

        var people = new List<DraftPerson>();
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            var text = line.Trim().TrimStart('*').Trim();
            if (indent <= 1)
            {
                people.Add(new DraftPerson(text, []));
            }
            else if (people.Count > 0 && text != "(none)")
            {
                people[^1].Actions.Add(text);
            }
        }

        return people;
    }

    private static List<Attendee>? People(MoinLayout layout, List<string> warnings)
    {
        if (!layout.Sections.TryGetValue("people present (lines said)", out var lines))
        {
            return null;
        }

        var people = new List<Attendee>();
        foreach (var text in lines.Select(l => l.Trim().TrimStart('*').Trim()).Where(t => t.Length > 0))
        {
            if (PeopleCount.TryParse(text, out var attendee)) people.Add(attendee);
            else warnings.Add($"unreadable 'People present' entry '{text}'");
        }

        return people;
    }
}
