namespace MeetingTracker.Core.Accountability;

/// <summary>Every action chain and idea trail, computed from one state of the database.</summary>
/// <param name="ActionItems">The action items the chains were made of (not removed).</param>
/// <param name="Actions">Most recently seen first.</param>
/// <param name="Ideas">Newest first.</param>
/// <remarks>Done notes (<see cref="DoneNotes"/>) close chains as they are built.</remarks>
public sealed record AccountabilitySnapshot(DataStamp Stamp, int ActionItems, IReadOnlyList<ActionChain> Actions, IReadOnlyList<IdeaTrail> Ideas)
{
    public static AccountabilitySnapshot Build(
        DataStamp stamp, List<TeamMeeting> meetings, List<ActionOccurrence> actions, List<ItemSummary> items, TimeSpan followUpWindow,
        IReadOnlyList<NoteCandidate>? notes = null)
    {
        var part = new Parts();
        part.Add(meetings, actions, items, followUpWindow, notes);
        return part.Snapshot(stamp);
    }

    /// <summary>
    /// A snapshot built a few teams at a time: chains, done notes and idea trails never cross a team, so each part is
    /// built from its own teams' rows and only what the snapshot keeps outlives the part (ADR 17).
    /// </summary>
    public sealed class Parts
    {
        private readonly List<ActionChain> chains = [];
        private readonly List<IdeaTrail> ideas = [];
        private int actionItems;

        /// <summary>Adds the chains and trails of whole teams: <paramref name="meetings"/> holds every meeting of each.</summary>
        public void Add(
            List<TeamMeeting> meetings, List<ActionOccurrence> actions, List<ItemSummary> items, TimeSpan followUpWindow,
            IReadOnlyList<NoteCandidate>? notes = null)
        {
            ArgumentNullException.ThrowIfNull(meetings);
            ArgumentNullException.ThrowIfNull(actions);
            var built = ActionChainBuilder.Build(actions, meetings);
            if (notes is { Count: > 0 })
            {
                // A note written as an action ("#action x DONE") that closed a chain is not an action of its own.
                var closing = DoneNotes.Close(built, notes, meetings.ToDictionary(m => m.MeetingId, m => m.TeamId));
                built.RemoveAll(c => c.Meetings == 1 && closing.Contains(c.First.ItemId) && c.DoneInLogs is null);
            }

            chains.AddRange(built);
            ideas.AddRange(IdeaTrailBuilder.Build(items, meetings, followUpWindow));
            actionItems += actions.Count;
        }

        public AccountabilitySnapshot Snapshot(DataStamp stamp)
        {
            chains.Sort((a, b) => (b.Latest.Time, b.Id).CompareTo((a.Latest.Time, a.Id)));
            ideas.Sort((a, b) => (b.Idea.Time, b.Idea.ItemId).CompareTo((a.Idea.Time, a.Idea.ItemId)));
            chains.TrimExcess();
            ideas.TrimExcess();
            return new AccountabilitySnapshot(stamp, actionItems, chains, ideas);
        }
    }
}
