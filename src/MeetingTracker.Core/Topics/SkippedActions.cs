using MeetingTracker.Core.Accountability;

namespace MeetingTracker.Core.Topics;

/// <summary>A meeting of the team, with everything said in it (log lines, or the minutes' items for a meeting without a log).</summary>
public sealed record HeldMeeting(int MeetingId, string Title, DateTimeOffset StartedAt, IReadOnlyList<string> Said);

/// <summary>
/// The meetings that skipped an action on their agenda. Every action that is not closed is on the team's agenda for
/// its next meeting (<see cref="AgendaReader"/>); a meeting held after the action was last carried, while it was still
/// open, skipped it when nothing said in it mentions it: no line shares <see cref="IdeaTrailBuilder.MinSharedWords"/>
/// significant words with its text (all of them, for a text with fewer), and none names its page. Only the first
/// <see cref="MaxListed"/> such meetings are told: past them the action is, in the team's eyes, dropped.
/// </summary>
public static class SkippedActions
{
    public const int MaxListed = 3;

    /// <param name="text">The action's text.</param>
    /// <param name="chainId">The chain's id (its page is <c>actions/{id}</c>).</param>
    /// <param name="after">When the action was last carried (its latest occurrence).</param>
    /// <param name="closedAt">When it was closed (done, won't do), or null while open.</param>
    /// <param name="meetings">The team's meetings after <paramref name="after"/>, oldest first.</param>
    public static IReadOnlyList<HeldMeeting> Find(string text, int chainId, DateTimeOffset after, DateTimeOffset? closedAt, IEnumerable<HeldMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(meetings);
        var words = SignificantWords.Of(text);
        var needed = Math.Min(IdeaTrailBuilder.MinSharedWords, words.Count);
        var page = SitePaths.Action(chainId);
        var skipped = new List<HeldMeeting>();
        foreach (var meeting in meetings.Where(m => m.StartedAt > after && (closedAt is null || m.StartedAt < closedAt)).OrderBy(m => m.StartedAt))
        {
            var mentioned = meeting.Said.Any(line => line.Contains(page, StringComparison.Ordinal)
                || (needed > 0 && SignificantWords.Of(line).Count(words.Contains) >= needed));
            if (mentioned) continue;
            skipped.Add(meeting);
            if (skipped.Count == MaxListed) break;
        }

        return skipped;
    }
}
