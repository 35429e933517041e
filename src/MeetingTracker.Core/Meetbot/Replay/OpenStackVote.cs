namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// OpenStack's <c>#startvote Question? a, b</c> / <c>#vote a</c> / <c>#endvote</c> (openstack-infra/meetbot:
/// ircmeeting/meeting.py). Only a voter's last vote counts; options match case-insensitively; the VOTE item reads
/// <c>Voted on "Question?" Results are, A: 2, B: 1</c> with options in Python 2 dict order, voted-on options only.
/// </summary>
internal sealed class OpenStackVote
{
    private static readonly string[] DefaultOptions = ["Yes", "No"];

    private readonly string question;
    private readonly string[] options;
    private readonly Dictionary<string, HashSet<string>> votes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> voters = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly List<string> voterOrder = [];

    private OpenStackVote(string question, string[] options)
    {
        this.question = question;
        this.options = options;
    }

    /// <summary><c>(?P&lt;question&gt;.*)\?\s*(?P&lt;choices&gt;.*)</c>: up to the last <c>?</c>; null when there is none.</summary>
    public static OpenStackVote? TryStart(string line)
    {
        var mark = line.LastIndexOf('?');
        if (mark < 0)
        {
            return null;
        }

        var choices = line.AsSpan(mark + 1).TrimStart(" \t\n\r\f\v");
        return new OpenStackVote(line[..mark], choices.IsEmpty ? DefaultOptions : SplitChoices(choices.ToString()));
    }

    public void Cast(string nick, string line)
    {
        var vote = line.ToLowerInvariant();
        if (!options.Any(o => string.Equals(o.ToLowerInvariant(), vote, StringComparison.Ordinal)))
        {
            return;
        }

        if (voters.TryGetValue(nick, out var old))
        {
            votes[old].Remove(nick);
        }

        if (!voters.ContainsKey(nick)) voterOrder.Add(nick);
        voters[nick] = vote;
        if (!votes.TryGetValue(vote, out var set))
        {
            votes[vote] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(nick);
        if (!order.Contains(vote, StringComparer.Ordinal)) order.Add(vote);
    }

    /// <summary>The VOTE item text and what the vote was: the counts its text shows (<see cref="VoteText"/>) and who voted.</summary>
    public (string Text, VoteRecord Record) Result()
    {
        var text = $"Voted on \"{question}?\" Results are";
        foreach (var key in Python2DictOrder.Order(order))
        {
            var label = options.First(o => string.Equals(o.ToLowerInvariant(), key, StringComparison.Ordinal));
            text += $", {label}: {votes[key].Count}";
        }

        return (text, VoteText.Parse(text) with { Voters = [.. voterOrder] });
    }

    // re.split(r'[^\w+-]+', choices) with Python 2's ASCII \w; like Python it keeps empty leading/trailing parts.
    private static string[] SplitChoices(string choices)
    {
        var parts = new List<string>();
        var start = 0;
        var i = 0;
        while (i < choices.Length)
        {
            if (IsChoiceChar(choices[i]))
            {
                i++;
                continue;
            }

            parts.Add(choices[start..i]);
            while (i < choices.Length && !IsChoiceChar(choices[i]))
            {
                i++;
            }

            start = i;
        }

        parts.Add(choices[start..]);
        return [.. parts];
    }

    private static bool IsChoiceChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-';
}
