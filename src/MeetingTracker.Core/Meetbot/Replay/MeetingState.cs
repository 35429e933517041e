using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// The meeting as MeetBot holds it while lines arrive: owner and chairs, attendees with line counts, the minutes
/// list, topic and name, start and end. Commands are dispatched in <see cref="MeetingCommands"/>.
/// </summary>
internal sealed class MeetingState
{
    // Attendees in first-seen order, and where each nick sits in that list.
    private readonly Dictionary<string, int> attendeeIndex = new(StringComparer.Ordinal);
    private readonly List<string> nicks = [];
    private readonly List<int> lineCounts = [];
    private const int RecentSize = 16;
    private readonly (string? Nick, int Index)[] recent = new (string?, int)[RecentSize];
    private MeetingologyVote? meetingologyVote;

    public MeetingState(DialectInfo info) => Info = info;

    public DialectInfo Info { get; }

    public MeetbotDialect Dialect => Info.Dialect;

    public string? Owner { get; private set; }

    public HashSet<string> Chairs { get; } = new(StringComparer.Ordinal);

    /// <summary>Nicks made known with <c>#nick</c>: the project treats them as people even with 0 lines.</summary>
    public HashSet<string> NickTargets { get; } = new(StringComparer.Ordinal);

    public List<MinutesEntry> Minutes { get; } = [];

    public LogLine? StartLine { get; private set; }

    public bool ImplicitStart { get; private set; }

    public string? MeetingTopic { get; set; }

    public string? MeetingName { get; set; }

    public LogLine? EndLine { get; private set; }

    public bool Aborted { get; private set; }

    public LogLine? SaveLine { get; set; }

    public int MeetingLineCount { get; private set; }

    public int IgnoredChairCommands { get; set; }

    public int RepeatedStarts { get; set; }

    public OpenStackVote? OpenStackVote { get; set; }

    public MeetingologyVote MeetingologyVote => meetingologyVote ??= new MeetingologyVote();

    public bool IsOver => EndLine is not null;

    /// <summary>People present with lines said, in first-seen order.</summary>
    public IReadOnlyList<Attendee> Attendees => [.. nicks.Select((nick, i) => new Attendee(nick, lineCounts[i]))];

    /// <summary>The nicks of <see cref="Attendees"/>, without building the records.</summary>
    public IReadOnlyList<string> AttendeeNicks => nicks;

    /// <summary>The line counts of <see cref="Attendees"/>, index for index.</summary>
    public IReadOnlyList<int> AttendeeLines => lineCounts;

    /// <summary>The <c>#startmeeting</c> line: its speaker becomes the owner (a permanent chair).</summary>
    public void Start(LogLine line, string argument)
    {
        Owner = line.Nick;
        StartLine = line;
        AddNick(line.Nick, 1);
        MeetingLineCount++;
        MeetingCommands.StartMeeting(this, line, argument);
    }

    /// <summary>No <c>#startmeeting</c> anywhere: read everything, first speaker as chair, as MeetBot's own replay does.</summary>
    public void StartImplicitly(LogLine first)
    {
        Owner = first.Nick;
        ImplicitStart = true;
        StartLine = first;
        Add(first);
    }

    /// <summary>One logged line: counted for its speaker, then run as a command, bare link or vote.</summary>
    public void Add(LogLine line)
    {
        AddNick(line.Nick, 1);
        MeetingLineCount++;

        // /me lines never run commands; the bot's own lines are logged through addrawline, never executed.
        if (line.IsEmote || string.Equals(line.Nick, Info.BotNick, StringComparison.Ordinal))
        {
            return;
        }

        var voteText = line.Text;
        if (CommandParser.TryParse(line.Text, Dialect, out var command))
        {
            MeetingCommands.Run(this, command, line);
            voteText = command.Argument;
        }
        else if (Dialect != MeetbotDialect.Matrix && LinkUrl.IsBareLink(line.Text))
        {
            AddItem(ItemKind.Link, line.Text, line);
        }

        // meetingology checks for a vote after the command, on the command's argument when there was one.
        if (Dialect == MeetbotDialect.Meetingology && !IsOver && MeetingologyVote.IsVote(voteText))
        {
            MeetingologyVote.Cast(line.Nick, voteText);
        }
    }

    public void AddNick(string nick, int lines)
    {
        // Readers hand the same string instance for every line of one speaker: a reference hit skips the hashing.
        ref var cached = ref recent[RuntimeHelpers.GetHashCode(nick) & (RecentSize - 1)];
        if (ReferenceEquals(cached.Nick, nick))
        {
            CollectionsMarshal.AsSpan(lineCounts)[cached.Index] += lines;
            return;
        }

        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(attendeeIndex, nick, out var known);
        if (known)
        {
            CollectionsMarshal.AsSpan(lineCounts)[index] += lines;
        }
        else
        {
            index = nicks.Count;
            nicks.Add(nick);
            lineCounts.Add(lines);
        }

        cached = (nick, index);
    }

    /// <summary>MeetBot's <c>isChair</c>: exact, case-sensitive.</summary>
    public bool IsChair(string nick) => string.Equals(nick, Owner, StringComparison.Ordinal) || Chairs.Contains(nick);

    public void AddItem(ItemKind kind, string text, LogLine line) =>
        Minutes.Add(new MinutesEntry(kind, text, line, kind == ItemKind.Link ? LinkUrl.Find(text, Dialect) : null));

    public void AddVote((string Text, VoteRecord Record) vote, LogLine line) =>
        Minutes.Add(new MinutesEntry(ItemKind.Vote, vote.Text, line) { Vote = vote.Record });

    public void AddTopic(string title, LogLine line) => Minutes.Add(new MinutesEntry(null, title, line));

    public void End(LogLine line, bool aborted = false)
    {
        EndLine = line;
        Aborted = aborted;
    }
}
