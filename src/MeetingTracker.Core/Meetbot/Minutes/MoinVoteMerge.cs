using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// Makes each vote one VOTE item carrying its question, outcome, counts and voters, from what the moin file and the
/// replay of its log say:
/// <list type="bullet">
/// <item>2013 on, the summary has the items (<c>''Vote:'' question (Carried)</c>) and the vote section the counts and
/// voters: matched by question. A vote the section has and the summary lacks is added, with a warning.</item>
/// <item>2011-2013, only the "Votes" section has them: each becomes an item where the log shows the vote (its line,
/// speaker, topic and announced outcome), else at the end with the outcome its counts give.</item>
/// </list>
/// The minutes' counts are the record; the log's stand in where the minutes give none. Where the section's statement
/// ("Motion carried") contradicts the announced outcome, both are kept and a warning says so.
/// </summary>
internal static class MoinVoteMerge
{
    public static void Apply(MinutesDraft d, IReadOnlyList<MoinVote> stated, ParsedMeeting? replayed, bool summaryHasVotes)
    {
        var unused = stated.ToList();
        for (var i = 0; i < d.Entries.Count; i++)
        {
            if (d.Entries[i] is not { IsTopic: false, Kind: ItemKind.Vote } entry)
            {
                continue;
            }

            var fromText = VoteText.Parse(entry.Text);
            var own = Take(unused, fromText.Question);
            d.Entries[i] = entry with { Vote = Merge(fromText, entry.Vote, own, d.Warnings), Line = entry.Line ?? own?.Line };
        }

        var logVotes = replayed?.Items.Where(v => v.Vote is not null).ToList() ?? [];
        foreach (var vote in unused)
        {
            var logged = logVotes.Find(v => Same(v.Vote!.Question, vote.Question));
            var outcome = logged?.Vote!.Outcome ?? OutcomeOfCounts(vote);
            var text = outcome is null ? vote.Question : VoteText.ItemText(vote.Question, outcome != VoteOutcomes.Denied);
            var record = Merge(new VoteRecord(vote.Question, outcome, null, null, null, []), logged?.Vote, vote, d.Warnings);
            var entry = new DraftEntry(false, ItemKind.Vote, logged?.Text ?? text, logged?.Nick, logged?.Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture), logged?.Line ?? vote.Line) { Vote = record };
            Insert(d.Entries, entry);
            if (summaryHasVotes)
            {
                d.Warnings.Add($"the vote results list '{Shorten(vote.Question)}', which the summary lacks: added as a vote item");
            }
        }
    }

    private static VoteRecord Merge(VoteRecord fromText, VoteRecord? logged, MoinVote? stated, List<string> warnings)
    {
        var counted = stated?.For is not null;
        var record = new VoteRecord(
            fromText.Question,
            fromText.Outcome ?? logged?.Outcome ?? (counted ? OutcomeOfCounts(stated!) : null),
            counted ? stated!.For : logged?.For,
            counted ? stated!.Against : logged?.Against,
            counted ? stated!.Abstained : logged?.Abstained,
            Voters(stated, logged))
        {
            ResultsStatement = stated?.Statement,
        };
        if (stated?.Statement is { } statement && record.Outcome is { } outcome && MoinVotes.OutcomeOf(statement) != outcome)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"the minutes contradict themselves on the vote '{Shorten(record.Question)}': the summary says {outcome}, the vote results say '{statement}' (for {record.For}, against {record.Against}, abstained {record.Abstained}); both kept, the counts are the record"));
        }

        return record;
    }

    // The minutes' voters, in the log's first-vote order when both name the same people (2013-2020 minutes print a
    // Python set, in no order a reader could tell).
    private static IReadOnlyList<string> Voters(MoinVote? stated, VoteRecord? logged) =>
        stated is not { Voters.Count: > 0 } ? logged?.Voters ?? []
        : logged is { } l && l.Voters.Count == stated.Voters.Count && !l.Voters.Except(stated.Voters, StringComparer.Ordinal).Any() ? l.Voters
        : stated.Voters;

    // The early layout's votes carry counts only: meetingology's own rule (votesrequired 0) gives the outcome.
    private static string? OutcomeOfCounts(MoinVote vote) =>
        vote is { For: { } f, Against: { } a } ? VoteText.OutcomeOfCounts(f, a) : null;

    private static MoinVote? Take(List<MoinVote> votes, string question)
    {
        var i = votes.FindIndex(v => Same(v.Question, question));
        if (i < 0)
        {
            return null;
        }

        var vote = votes[i];
        votes.RemoveAt(i);
        return vote;
    }

    // After the last entry that comes before it in the log; at the end when the log does not place it.
    private static void Insert(List<DraftEntry> entries, DraftEntry entry)
    {
        var at = entry.Line is { } line ? entries.FindLastIndex(e => e.Line is { } l && l <= line) + 1 : entries.Count;
        entries.Insert(at == 0 && entry.Line is not null && entries.Count > 0 && entries.TrueForAll(e => e.Line is null) ? entries.Count : at, entry);
    }

    private static bool Same(string a, string b) => string.Equals(MinutesText.Collapse(a), MinutesText.Collapse(b), StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
