using System.Globalization;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Meetbot.Writing;

/// <summary>
/// Builds a small <see cref="ParsedMeeting"/> by hand: lines in order, topics and items attached to the last line,
/// people counted from the lines in first-appearance order (plus any extra nicks with 0 lines).
/// </summary>
internal sealed class MeetingSketch(string channel, string? title, DateOnly date)
{
    private readonly List<LogLine> lines = [];
    private readonly List<Topic> topics = [];
    private readonly List<MinutesItem> items = [];
    private readonly List<string> zeroLineNicks = [];

    public MeetingSketch Say(string time, string nick, string text) => Add(time, nick, text, false);

    public MeetingSketch Me(string time, string nick, string text) => Add(time, nick, text, true);

    public MeetingSketch Topic(string title)
    {
        var line = lines[^1];
        topics.Add(new Topic(title, line.Nick, line.Time, line.Number));
        return this;
    }

    public MeetingSketch Item(ItemKind kind, string text, params string[] assignees)
    {
        var line = lines[^1];
        items.Add(new MinutesItem(kind, text, line.Nick, line.Time, line.Number, topics.Count == 0 ? null : topics.Count - 1, assignees, []));
        return this;
    }

    public MeetingSketch Nick(string nick)
    {
        zeroLineNicks.Add(nick);
        return this;
    }

    public ParsedMeeting Build(bool complete = true)
    {
        var order = lines.Select(l => l.Nick).Concat(zeroLineNicks).Distinct(StringComparer.Ordinal);
        return new ParsedMeeting
        {
            Format = MeetbotFormat.LogTxt,
            Channel = channel,
            Title = title,
            StartedBy = lines[0].Nick,
            StartedAt = lines[0].Time,
            EndedAt = complete ? lines[^1].Time : null,
            IsComplete = complete,
            Lines = lines,
            Topics = topics,
            Items = items,
            People = [.. order.Select(n => new Attendee(n, lines.Count(l => string.Equals(l.Nick, n, StringComparison.Ordinal))))],
        };
    }

    private MeetingSketch Add(string time, string nick, string text, bool emote)
    {
        var t = new DateTimeOffset(date.ToDateTime(TimeOnly.ParseExact(time, "HH:mm:ss", CultureInfo.InvariantCulture)), TimeSpan.Zero);
        lines.Add(new LogLine(lines.Count + 1, t, nick, text, emote));
        return this;
    }
}
