namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// meetingology's votes (GKernelCI/Gmeetbot: meeting.py): a chair's <c>#vote motion</c>, then any line starting
/// <c>+1</c>, <c>-1</c> or <c>[+-]0</c> from an allowed voter (everyone unless <c>#voters</c> named some; the last vote
/// counts), and <c>#endvote</c>: carried when for - against reaches <c>#votesrequired</c> (default 0). The VOTE item
/// reads <c>motion (Carried)</c> or <c>motion (Denied)</c>, as its minutes print it.
/// </summary>
internal sealed class MeetingologyVote
{
    private readonly Dictionary<string, string> cast = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly HashSet<string> voters = new(StringComparer.Ordinal);
    private string active = string.Empty;

    public int VotesRequired { get; set; }

    public bool IsOpen => active.Length > 0;

    /// <summary>Starts a vote; false when one is already open (the bot refuses).</summary>
    public bool Start(string motion)
    {
        if (IsOpen)
        {
            return false;
        }

        active = motion.Trim();
        cast.Clear();
        order.Clear();
        return true;
    }

    /// <summary><c>#voters</c>: restricts who may vote; <c>everyone</c>, <c>all</c> or <c>everybody</c> lifts it.</summary>
    /// <returns>The voters named (MeetBot adds each as an attendee with 0 lines).</returns>
    public IReadOnlyList<string> SetVoters(IEnumerable<string> names)
    {
        var added = new List<string>();
        foreach (var name in names)
        {
            if (name is "everyone" or "all" or "everybody")
            {
                voters.Clear();
                return added;
            }

            if (voters.Add(name))
            {
                added.Add(name);
            }
        }

        return added;
    }

    /// <summary>Python: <c>re.match(r'([+-]1|[+-]?0)\b', line)</c>.</summary>
    public static bool IsVote(string line)
    {
        var i = line.Length > 0 && line[0] is '+' or '-' ? 1 : 0;
        if (i >= line.Length || (line[i] != '0' && (i == 0 || line[i] != '1')))
        {
            return false;
        }

        return i + 1 == line.Length || !IsWord(line[i + 1]);
    }

    public void Cast(string nick, string line)
    {
        if (IsOpen && (voters.Count == 0 || voters.Contains(nick)))
        {
            if (cast.TryAdd(nick, line)) order.Add(nick);
            else cast[nick] = line;
        }
    }

    /// <summary>Closes the vote: the VOTE item text and what the vote was (abstentions are the <c>0</c> votes).</summary>
    public (string Text, VoteRecord Record) End()
    {
        int inFavour = 0, against = 0, abstained = 0;
        var voted = new List<string>(cast.Count);
        foreach (var nick in order)
        {
            var vote = cast[nick];
            if (!IsVote(vote))
            {
                continue;
            }

            voted.Add(nick);
            if (vote.StartsWith("+1", StringComparison.Ordinal)) inFavour++;
            else if (vote.StartsWith("-1", StringComparison.Ordinal)) against++;
            else abstained++;
        }

        var carried = inFavour - against >= VotesRequired;
        var record = new VoteRecord(active, carried ? VoteOutcomes.Carried : VoteOutcomes.Denied, inFavour, against, abstained, voted);
        var text = VoteText.ItemText(active, carried);
        active = string.Empty;
        cast.Clear();
        order.Clear();
        return (text, record);
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';
}
