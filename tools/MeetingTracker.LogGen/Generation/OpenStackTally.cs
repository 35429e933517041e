using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.LogGen.Generation;

/// <summary>
/// OpenStack's vote bookkeeping (<c>_votes</c>, <c>_voters</c>): options match case-insensitively, only a voter's last
/// vote counts, and results are listed in Python 2 dict order of the lower-cased options as first voted.
/// </summary>
internal sealed class OpenStackTally(string[] options)
{
    private readonly List<string> keyOrder = [];
    private readonly Dictionary<string, List<string>> votes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> voters = new(StringComparer.Ordinal);

    public void Cast(string nick, string typed)
    {
        var key = typed.ToLowerInvariant();
        if (voters.TryGetValue(nick, out var old))
        {
            votes[old].Remove(nick);
        }

        voters[nick] = key;
        if (!votes.TryGetValue(key, out var list))
        {
            votes[key] = list = [];
            keyOrder.Add(key);
        }

        list.Add(nick);
    }

    /// <summary>The VOTE item: <c>Voted on "Question?" Results are, Yes: 2, No: 1</c>.</summary>
    public string Result(string question) =>
        $"Voted on \"{question}?\" Results are" + string.Concat(Ordered().Select(k => $", {Label(k)}: {votes[k].Count}"));

    /// <summary>The <c>#showvote</c> lines the bot prints when the vote ends.</summary>
    public IEnumerable<string> ShowLines() =>
        Ordered().Select(k => $"{Label(k)} ({votes[k].Count}): {string.Join(", ", Python2DictOrder.Order(votes[k]))}");

    private IReadOnlyList<string> Ordered() => Python2DictOrder.Order(keyOrder);

    private string Label(string key) => options.First(o => string.Equals(o.ToLowerInvariant(), key, StringComparison.Ordinal));
}
