using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Writing;

namespace MeetingTracker.LogGen.Generation;

/// <summary>
/// meetingology's vote bookkeeping for one <c>#vote</c>: only allowed voters (everyone, or the <c>#voters</c> list)
/// cast, a voter's last vote counts, and at <c>#endvote</c> the motion is carried when for minus against reaches the
/// votes required (0 unless <c>#votesrequired</c>).
/// </summary>
internal sealed class MeetingologyTally(string question, IReadOnlyCollection<string>? allowed)
{
    private readonly Dictionary<string, int> last = new(StringComparer.Ordinal);
    private readonly List<string> firstVoted = [];

    public string Question => question;

    /// <summary>Whether the bot accepts a vote from <paramref name="nick"/>.</summary>
    public bool MayVote(string nick) => allowed is null || allowed.Contains(nick);

    /// <summary>Records a vote (+1, -1 or 0) of an allowed voter.</summary>
    public void Cast(string nick, int vote)
    {
        if (!last.ContainsKey(nick))
        {
            firstVoted.Add(nick);
        }

        last[nick] = vote;
    }

    public int For => last.Values.Count(v => v > 0);

    public int Against => last.Values.Count(v => v < 0);

    public int Abstained => last.Values.Count(v => v == 0);

    public bool Carried(int required) => For - Against >= required;

    /// <summary>The record the VOTE item carries, with the results sentence of the meeting's era.</summary>
    public VoteRecord Record(int required, MeetingologyEra era)
    {
        var outcome = Carried(required) ? VoteOutcomes.Carried : VoteOutcomes.Denied;
        return new VoteRecord(question, outcome, For, Against, Abstained, [.. firstVoted])
        {
            ResultsStatement = MeetingologyResults.For(era, outcome, For, Against, Abstained),
        };
    }
}
