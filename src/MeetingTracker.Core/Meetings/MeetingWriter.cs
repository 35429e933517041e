using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Meetings;

/// <summary>
/// Writes what a reader found into a meeting's rows. Topics, log lines and attendance are replaced; items are matched
/// to the ones stored before (same kind and text, then same kind and line) so their ids and numbers, and all that users
/// attach to them, survive a re-read. An item the new read no longer has is kept, marked removed.
/// The meeting's bots (its log's and its source's, ADR 12) are never people: their lines and items keep their nick
/// with no person, and they have no attendance and own nothing, though MeetBot's lists (People, Assignees) keep them.
/// Action owners (<see cref="Item.Owners"/>) are not written here: one rule over all meetings gives them after the
/// harvest (<see cref="Accountability.ActionOwnersRefresh"/>), as a person first seen later owns earlier actions too.
/// </summary>
public sealed class MeetingWriter(PeopleDirectory people, TeamsDirectory teams, TimeProvider clock)
{
    /// <summary>
    /// Adds to the directories the people and team the meeting brings that are not known yet. Save them
    /// (<see cref="PeopleDirectory.SaveNewAsync"/>, <see cref="TeamsDirectory.SaveNewAsync"/>) before <see cref="Apply"/>,
    /// which then refers to every person and the team by id.
    /// </summary>
    public void AddNewPeopleAndTeam(ParsedMeeting parsed, MeetingFileName name, IReadOnlySet<string> bots)
    {
        ArgumentNullException.ThrowIfNull(bots);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(name);
        teams.Resolve(parsed.MeetingName ?? name.Name);
        foreach (var nick in parsed.Lines.Select(l => l.Nick)
            .Concat(parsed.People.Select(a => a.Nick))
            .Concat(parsed.Items.SelectMany(i => i.Owners.Append(i.Nick)))
            .Distinct(StringComparer.Ordinal)
            .Where(n => !bots.Contains(n)))
        {
            people.Resolve(nick);
        }
    }

    /// <summary>
    /// Fills <paramref name="meeting"/> (a new one, or a stored one tracked by <paramref name="db"/> with its items loaded,
    /// whose old topics, lines and attendance are deleted through <paramref name="db"/>) and returns its log lines, which
    /// the caller inserts in bulk once the meeting has its id.
    /// </summary>
    public IReadOnlyList<LogLineRow> Apply(TrackerDb db, Meeting meeting, ParsedMeeting parsed, MeetingFileName name, int parserVersion, IReadOnlySet<string> bots)
    {
        ArgumentNullException.ThrowIfNull(bots);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(name);

        meeting.TeamId = teams.IdOf(parsed.MeetingName ?? name.Name);
        meeting.Team = null;
        meeting.Channel = parsed.Channel ?? name.ChannelHint;
        meeting.Title = Clean(parsed.Title);
        meeting.MeetingName = parsed.MeetingName;
        meeting.StartedAt = parsed.StartedAt ?? name.StartMinute;
        meeting.EndedAt = parsed.EndedAt;
        meeting.StartedBy = parsed.StartedBy;
        meeting.Chairs = string.Join(' ', parsed.Chairs);
        meeting.Dialect = ContractNames.Of(parsed.Dialect);
        meeting.ReadFrom = ContractNames.Of(parsed.Format);
        meeting.IsComplete = parsed.IsComplete;
        meeting.LineCount = parsed.LineCount ?? parsed.Lines.Count;
        meeting.Warnings = string.Join('\n', parsed.Warnings);
        meeting.ParserVersion = parserVersion;
        meeting.ReadAt = clock.GetUtcNow();

        // One lookup per nick, not per line.
        var resolved = new Dictionary<string, int?>(StringComparer.Ordinal);
        int? personOf(string nick)
        {
            if (!resolved.TryGetValue(nick, out var id)) resolved[nick] = id = bots.Contains(nick) ? null : PersonId(nick);
            return id;
        }

        var lines = ReplaceChildren(db, meeting, parsed, personOf);
        MergeItems(meeting, parsed, personOf);
        return lines;
    }

    private static List<LogLineRow> ReplaceChildren(TrackerDb db, Meeting meeting, ParsedMeeting parsed, Func<string, int?> personOf)
    {
        if (meeting.Id != 0)
        {
            db.Topics.Where(t => t.MeetingId == meeting.Id).ExecuteDelete();
            db.Lines.Where(l => l.MeetingId == meeting.Id).ExecuteDelete();
            db.Attendance.Where(a => a.MeetingId == meeting.Id).ExecuteDelete();
        }

        for (var i = 0; i < parsed.Topics.Count; i++)
        {
            var t = parsed.Topics[i];
            meeting.Topics.Add(new Topic { Ordinal = i, Title = IrcText.Clean(t.Title), Nick = t.Nick, Time = t.Time, Line = t.Line });
        }

        var lines = new List<LogLineRow>(parsed.Lines.Count);
        foreach (var line in parsed.Lines)
        {
            var row = new LogLineRow { Number = line.Number, Time = line.Time, Nick = line.Nick, Text = IrcText.Clean(line.Text), IsEmote = line.IsEmote };
            row.PersonId = personOf(line.Nick);
            lines.Add(row);
        }

        foreach (var attendee in parsed.People)
        {
            if (personOf(attendee.Nick) is not { } personId || meeting.Attendance.Any(a => string.Equals(a.Nick, attendee.Nick, StringComparison.Ordinal)))
            {
                continue;
            }

            meeting.Attendance.Add(new Attendance { Nick = attendee.Nick, PersonId = personId, Lines = attendee.Lines });
        }

        return lines;
    }

    private void MergeItems(Meeting meeting, ParsedMeeting parsed, Func<string, int?> personOf)
    {
        var old = meeting.Items.ToList();
        var matched = new HashSet<Item>();
        var nextNumber = old.Count == 0 ? 1 : old.Max(i => i.Number) + 1;
        for (var ordinal = 0; ordinal < parsed.Items.Count; ordinal++)
        {
            var p = parsed.Items[ordinal];
            var text = IrcText.Clean(p.Text);
            var item = old.FirstOrDefault(o => !matched.Contains(o) && o.Kind == p.Kind && string.Equals(o.Text, text, StringComparison.Ordinal))
                ?? old.FirstOrDefault(o => !matched.Contains(o) && o.Kind == p.Kind && o.Line == p.Line && p.Line is not null);
            if (item is null)
            {
                item = new Item { Number = nextNumber++, Text = text, Nick = p.Nick };
                meeting.Items.Add(item);
            }

            matched.Add(item);
            item.Kind = p.Kind;
            item.Ordinal = ordinal;
            item.Text = text;
            item.Nick = p.Nick;
            item.Time = p.Time;
            item.Line = p.Line;
            item.TopicOrdinal = p.TopicIndex;
            item.Url = p.Url;
            item.Assignees = string.Join(' ', p.Assignees);
            item.Vote = ItemVote.From(p.Vote);
            item.RemovedAt = null;
            item.PersonId = personOf(p.Nick);
        }

        var now = clock.GetUtcNow();
        foreach (var gone in old.Where(o => !matched.Contains(o) && o.RemovedAt is null))
        {
            gone.RemovedAt = now;
        }
    }

    private int? PersonId(string nick)
    {
        if (people.Resolve(nick) is not { } person) return null;
        if (person.Id == 0) throw new InvalidOperationException($"person of '{nick}' is not saved yet: call {nameof(AddNewPeopleAndTeam)} and save first");
        return person.Id;
    }

    private static string? Clean(string? text) => text is null ? null : IrcText.Clean(text);
}
