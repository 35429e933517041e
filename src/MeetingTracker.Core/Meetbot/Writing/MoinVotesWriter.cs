using System.Globalization;
using System.Text.RegularExpressions;

namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>
/// The vote section of meetingology's moin minutes, from the VOTE items' <see cref="VoteRecord"/>s and the log.
/// Early: "Votes" with the counts. Middle: "Vote results" (always printed) with a link to the <c>#vote</c> line, the
/// results sentence of meetingology's own rule (<see cref="MeetingologyResults.Middle"/>) and the voters as a Python 2
/// <c>set</c>. Both order the questions as the Python 2 dict <c>M.votes</c> iterated. New: "Vote results" only when
/// there were votes, in order, with every vote cast as the bot acknowledged it ("+1 received from nick").
/// </summary>
internal static partial class MoinVotesWriter
{
    [GeneratedRegex(@"^(?:#vote|\[vote\])[ \t]+(?<q>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VoteCommand();

    [GeneratedRegex(@"^[+-]?[01]\b.* received from (?<nick>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex VoteReceived();

    public static string? Write(MinutesContext c, ParsedMeeting meeting)
    {
        var votes = c.Entries.Select(e => e.Item).Where(i => i?.Kind == ItemKind.Vote && i.Vote is not null).Select(i => i!).ToList();
        var era = c.Options.Era;
        if (era == MeetingologyEra.New)
        {
            return votes.Count == 0 ? null : MoinWriter.Section("Vote results", votes.SelectMany(v => NewVote(c, meeting, v)));
        }

        // M.votes is a dict keyed by question: the last vote on a question holds the value, the first its place.
        var byQuestion = new Dictionary<string, MinutesItem>(StringComparer.Ordinal);
        foreach (var v in votes)
        {
            byQuestion[v.Vote!.Question] = v;
        }

        var ordered = Python2DictOrder.Order(votes.Select(v => v.Vote!.Question)).Select(q => byQuestion[q]);
        return era == MeetingologyEra.Early
            ? MoinWriter.Section("Votes", ordered.Select(v => string.Create(CultureInfo.InvariantCulture, $"\n * {v.Vote!.Question}\n   For: {v.Vote.For ?? 0} Against: {v.Vote.Against ?? 0} Abstained: {v.Vote.Abstained ?? 0}")))
            : MoinWriter.Section("Vote results", ordered.SelectMany(v => MiddleVote(c, meeting, v)));
    }

    private static IEnumerable<string> MiddleVote(MinutesContext c, ParsedMeeting meeting, MinutesItem item)
    {
        var v = item.Vote!;
        var (f, a, n) = (v.For ?? 0, v.Against ?? 0, v.Abstained ?? 0);
        yield return string.Create(CultureInfo.InvariantCulture, $" * [[{c.FullLogsUrl}#{OpeningLine(meeting, item)} {v.Question}]]");
        yield return string.Create(CultureInfo.InvariantCulture, $"  * {v.ResultsStatement ?? MeetingologyResults.Middle(f, a, n)} (For/Against/Abstained {f}/{a}/{n})");
        if (v.Voters.Count > 0)
        {
            yield return "   *  Voters " + string.Join(", ", Python2DictOrder.Order(v.Voters));
        }
    }

    private static IEnumerable<string> NewVote(MinutesContext c, ParsedMeeting meeting, MinutesItem item)
    {
        var v = item.Vote!;
        var opening = OpeningLine(meeting, item);
        yield return string.Create(CultureInfo.InvariantCulture, $" * [[{c.FullLogsUrl}#{opening}|{v.Question}]]");
        yield return string.Create(CultureInfo.InvariantCulture, $"  * {v.ResultsStatement ?? MeetingologyResults.New(v.Outcome)} (For: {v.For ?? 0}, Against: {v.Against ?? 0}, Abstained: {v.Abstained ?? 0})");
        var cast = VotesCast(meeting, opening, item.Line ?? meeting.Lines.Count);
        if (cast.Count > 0)
        {
            yield return "   * Voters: " + string.Join(", ", cast);
        }
    }

    // The #vote line that opened the vote: the last one on this question before the VOTE item's #endvote line.
    private static int OpeningLine(ParsedMeeting meeting, MinutesItem item)
    {
        for (var i = Math.Min(item.Line ?? meeting.Lines.Count, meeting.Lines.Count) - 1; i >= 0; i--)
        {
            var line = meeting.Lines[i];
            if (!line.IsEmote && VoteCommand().Match(line.Text) is { Success: true } m && string.Equals(m.Groups["q"].Value.Trim(), item.Vote!.Question, StringComparison.Ordinal))
            {
                return line.Number;
            }
        }

        return item.Line ?? 0;
    }

    // meetingology 0.4.0 lists every vote it accepted, repeats included: its "+1 received from nick" replies.
    private static List<string> VotesCast(ParsedMeeting meeting, int from, int to)
    {
        var nicks = new List<string>();
        foreach (var line in meeting.Lines.Where(l => l.Number > from && l.Number < to && !l.IsEmote))
        {
            if (VoteReceived().Match(line.Text) is { Success: true } m)
            {
                nicks.Add(m.Groups["nick"].Value);
            }
        }

        return nicks;
    }
}
