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
        var chains = ActionChainBuilder.Build(actions, meetings);
        if (notes is { Count: > 0 })
        {
            // A note written as an action ("#action x DONE") that closed a chain is not an action of its own.
            var closing = DoneNotes.Close(chains, notes, meetings.ToDictionary(m => m.MeetingId, m => m.TeamId));
            chains.RemoveAll(c => c.Meetings == 1 && closing.Contains(c.First.ItemId) && c.DoneInLogs is null);
        }

        chains.Sort((a, b) => (b.Latest.Time, b.Id).CompareTo((a.Latest.Time, a.Id)));
        var ideas = IdeaTrailBuilder.Build(items, meetings, followUpWindow);
        ideas.Sort((a, b) => (b.Idea.Time, b.Idea.ItemId).CompareTo((a.Idea.Time, a.Idea.ItemId)));
        return new AccountabilitySnapshot(stamp, actions.Count, chains, ideas);
    }
}
