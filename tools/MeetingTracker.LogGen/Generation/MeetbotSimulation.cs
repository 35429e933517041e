using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Writing;

namespace MeetingTracker.LogGen.Generation;

/// <summary>One entry of the simulated minutes: a topic (<see cref="Kind"/> null) or an item.</summary>
internal sealed record SimEntry(ItemKind? Kind, string Text, string Nick, DateTimeOffset Time, int Line, VoteRecord? Vote = null);

/// <summary>
/// A small MeetBot: the generator says lines through it and it keeps what MeetBot keeps while they arrive (the log,
/// attendees with line counts in insertion order, owner and chairs, the minutes list with #undo), so that the meeting
/// it returns is what MeetBot's minutes would show. It never parses the lines it logs: the generator states each
/// command's meaning, which makes the result an oracle independent of the readers.
/// </summary>
internal sealed class MeetbotSimulation(BotVoice bot, string channel, DateTimeOffset start)
{
    private readonly List<LogLine> lines = [];
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly List<string> attendeeOrder = [];
    private readonly HashSet<string> chairs = new(StringComparer.Ordinal);
    private readonly HashSet<string> nickTargets = new(StringComparer.Ordinal);
    private readonly List<SimEntry> minutes = [];

    public DateTimeOffset Now { get; private set; } = start;

    public string Owner { get; private set; } = string.Empty;

    public string? Title { get; private set; }

    public string? MeetingName { get; private set; }

    /// <summary>The name the meeting had before any <c>#meetingname</c>.</summary>
    public string? InitialName { get; private set; }

    public int LineCount => lines.Count;

    public IReadOnlyList<SimEntry> Minutes => minutes;

    public BotVoice Bot => bot;

    public bool IsChair(string nick) => string.Equals(nick, Owner, StringComparison.Ordinal) || chairs.Contains(nick);

    public void Wait(int seconds) => Now = Now.AddSeconds(seconds);

    /// <summary>A plain message (no command effect).</summary>
    public int Say(string nick, string text)
    {
        lines.Add(new LogLine(lines.Count + 1, Now, nick, text));
        AddNick(nick, 1);
        return lines.Count;
    }

    public void Me(string nick, string text)
    {
        lines.Add(new LogLine(lines.Count + 1, Now, nick, text, IsEmote: true));
        AddNick(nick, 1);
    }

    public void BotSays(string text) => Say(bot.Nick, text);

    public void StartMeeting(string owner, string? topic, string? name)
    {
        Owner = owner;
        Say(owner, topic is null ? "#startmeeting" : "#startmeeting " + topic);
        Title = topic;
        MeetingName = InitialName = name;
        foreach (var reply in bot.StartLines(Now, owner, name))
        {
            BotSays(reply);
        }
    }

    /// <summary><c>#topic</c> (chair only; anyone else's is logged and ignored); meetingology also takes <c>[TOPIC] title</c>.</summary>
    public void Topic(string nick, string title, string command = "#topic ")
    {
        var line = Say(nick, command + title);
        if (IsChair(nick))
        {
            minutes.Add(new SimEntry(null, title, nick, Now, line));
        }
    }

    /// <summary>An item command; AGREED, ACCEPTED and REJECTED count only from chairs.</summary>
    public void Item(string nick, string command, ItemKind kind, string text)
    {
        var line = Say(nick, "#" + command + " " + text);
        var chairOnly = kind is ItemKind.Agreed or ItemKind.Accepted or ItemKind.Rejected;
        if (!chairOnly || IsChair(nick))
        {
            minutes.Add(new SimEntry(kind, text, nick, Now, line));
        }
    }

    /// <summary>A message that is only a URL: MeetBot turns it into a LINK item.</summary>
    public void BareLink(string nick, string url)
    {
        var line = Say(nick, url);
        minutes.Add(new SimEntry(ItemKind.Link, url, nick, Now, line));
    }

    /// <summary>An item the bot adds by its own logic at a line (OpenStack's VOTE at <c>#endvote</c>).</summary>
    public void AddItem(ItemKind kind, string text, string nick, int line, VoteRecord? vote = null) => minutes.Add(new SimEntry(kind, text, nick, lines[line - 1].Time, line, vote));

    public void Chair(string nick, IReadOnlyList<string> targets)
    {
        Say(nick, "#chair " + string.Join(' ', targets));
        if (!IsChair(nick))
        {
            return;
        }

        foreach (var target in targets)
        {
            if (chairs.Add(target))
            {
                AddNick(target, 0);
            }
        }

        BotSays(BotVoice.ChairsReply(chairs.Append(Owner).Distinct(StringComparer.Ordinal)));
    }

    public void Nick(string nick, IReadOnlyList<string> targets)
    {
        Say(nick, "#nick " + string.Join(", ", targets));
        foreach (var target in targets)
        {
            AddNick(target, 0);
            nickTargets.Add(target);
        }
    }

    public void Undo(string nick, long address)
    {
        Say(nick, "#undo");
        if (IsChair(nick) && minutes.Count > 0)
        {
            var removed = minutes[^1];
            minutes.RemoveAt(minutes.Count - 1);
            BotSays(bot.UndoReply(removed, address));
        }
    }

    public void SetMeetingName(string nick, string name)
    {
        Say(nick, "#meetingname " + name);
        MeetingName = string.Join('_', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        BotSays(BotVoice.MeetingNameReply(MeetingName));
    }

    /// <summary>The meeting as MeetBot would write it; <paramref name="ended"/> false leaves it unfinished.</summary>
    public ParsedMeeting Build(bool ended, MeetingFileName? fileName)
    {
        var endedAt = ended ? lines[^1].Time : (DateTimeOffset?)null;
        var topics = new List<Topic>();
        var items = new List<MinutesItem>();
        var owners = attendeeOrder.Where(n => (counts[n] > 0 || nickTargets.Contains(n)) && !string.Equals(n, bot.Nick, StringComparison.Ordinal)).ToList();
        foreach (var e in minutes)
        {
            if (e.Kind is not { } kind)
            {
                topics.Add(new Topic(e.Text, e.Nick, e.Time, e.Line));
                continue;
            }

            var isAction = kind == ItemKind.Action;
            items.Add(new MinutesItem(
                kind,
                e.Text,
                e.Nick,
                e.Time,
                e.Line,
                topics.Count == 0 ? null : topics.Count - 1,
                isAction ? ActionAttribution.Published(e.Text, attendeeOrder, bot.AttributionDialect(lines[0].Time)) : [],
                isAction ? ActionAttribution.Owners(e.Text, owners) : [])
            {
                Vote = e.Vote,
            });
        }

        return new ParsedMeeting
        {
            Format = MeetbotFormat.LogTxt,
            Dialect = bot.Dialect,
            FileName = fileName,
            Channel = channel,
            Title = Title,
            MeetingName = MeetingName,
            StartedAt = lines[0].Time,
            StartedBy = Owner,
            EndedAt = endedAt,
            IsComplete = ended,
            Chairs = [.. chairs.Append(Owner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            LineCount = lines.Count,
            Lines = lines,
            Topics = topics,
            Items = items,
            People = [.. bot.DictOrder(attendeeOrder, lines[0].Time).Select(n => new Attendee(n, counts[n])).OrderByDescending(a => a.Lines)],
        };
    }

    /// <summary>
    /// What the realtime writer left under the first name when <c>#meetingname</c> renamed the meeting: the log as of
    /// the last save before the rename, which is the <c>#startmeeting</c> line alone (the bot's replies are logged
    /// without saving, and the rename saves under the new name).
    /// </summary>
    public ParsedMeeting BuildRenameStub(MeetingFileName? fileName) => new()
    {
        Format = MeetbotFormat.LogTxt,
        Dialect = bot.Dialect,
        FileName = fileName,
        Channel = channel,
        Title = Title,
        MeetingName = InitialName,
        StartedAt = lines[0].Time,
        StartedBy = Owner,
        Chairs = [Owner],
        LineCount = 1,
        Lines = [lines[0]],
        People = [new Attendee(Owner, 1)],
    };

    private void AddNick(string nick, int n)
    {
        if (counts.TryGetValue(nick, out var c))
        {
            counts[nick] = c + n;
        }
        else
        {
            counts[nick] = n;
            attendeeOrder.Add(nick);
        }
    }
}
