namespace MeetingTracker.Core.Accountability;

/// <summary>An action item as read for chaining: which meeting, which item, when, what, under which topic.</summary>
public sealed record ActionOccurrence(int ItemId, int MeetingId, int Number, DateTimeOffset Time, string Text, int? TopicOrdinal = null);

/// <summary>A meeting as chaining needs it: its team and start.</summary>
public sealed record TeamMeeting(int MeetingId, int TeamId, DateTimeOffset StartedAt);

/// <summary>
/// Groups a team's action items into carry-over chains, in memory, from one read of the actions and one of the
/// meetings. Occurrences with the same normalised text (<see cref="ActionText.Normalize"/>) in the same team form a
/// chain while each reappears within <see cref="MeetingsSkipped"/> + 1 meetings of the team after the previous one (a
/// follow-up skipped once does not break it); a longer gap starts a new chain, as the same words raised months later
/// are a new action. Several occurrences in one meeting count once; the chain shows the last.
/// </summary>
public static class ActionChainBuilder
{
    public const int MeetingsSkipped = 1;

    public static List<ActionChain> Build(IEnumerable<ActionOccurrence> actions, IEnumerable<TeamMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(meetings);
        var place = new Dictionary<int, (int TeamId, int Position)>();
        var teamSize = new Dictionary<int, int>();
        foreach (var team in meetings.GroupBy(m => m.TeamId))
        {
            var position = 0;
            foreach (var m in team.OrderBy(m => m.StartedAt).ThenBy(m => m.MeetingId)) place[m.MeetingId] = (team.Key, position++);
            teamSize[team.Key] = position;
        }

        var chains = new List<ActionChain>();
        var groups = actions
            .Where(a => place.ContainsKey(a.MeetingId))
            .GroupBy(a => (place[a.MeetingId].TeamId, ActionText.Normalize(a.Text)));
        foreach (var group in groups)
        {
            var teamId = group.Key.TeamId;
            ActionOccurrence? first = null, latest = null;
            int lastPosition = 0, count = 0;
            foreach (var a in group.OrderBy(a => place[a.MeetingId].Position).ThenBy(a => a.Time).ThenBy(a => a.ItemId))
            {
                var position = place[a.MeetingId].Position;
                if (first is not null && position - lastPosition > MeetingsSkipped + 1)
                {
                    chains.Add(Chain(teamId, first, latest!, count, teamSize[teamId] - 1 - lastPosition));
                    first = null;
                }

                if (first is null)
                {
                    (first, count) = (a, 1);
                }
                else if (position != lastPosition)
                {
                    count++;
                }

                (latest, lastPosition) = (a, position);
            }

            chains.Add(Chain(teamId, first!, latest!, count, teamSize[teamId] - 1 - lastPosition));
        }

        return chains;
    }

    private static ActionChain Chain(int teamId, ActionOccurrence first, ActionOccurrence latest, int meetings, int since)
        => new(teamId, latest.Text, Ref(first), Ref(latest), meetings, since);

    private static ItemRef Ref(ActionOccurrence a) => new(a.ItemId, a.MeetingId, a.Number, a.Time);
}
