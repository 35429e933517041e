namespace MeetingTracker.Core.Accountability;

/// <summary>Every action chain and idea trail, computed from one state of the database.</summary>
/// <param name="ActionItems">The action items the chains were made of (not removed).</param>
/// <param name="Actions">Most recently seen first.</param>
/// <param name="Ideas">Newest first.</param>
public sealed record AccountabilitySnapshot(DataStamp Stamp, int ActionItems, IReadOnlyList<ActionChain> Actions, IReadOnlyList<IdeaTrail> Ideas)
{
    public static AccountabilitySnapshot Build(
        DataStamp stamp, List<TeamMeeting> meetings, List<ActionOccurrence> actions, List<ItemSummary> items, TimeSpan followUpWindow)
    {
        var chains = ActionChainBuilder.Build(actions, meetings);
        chains.Sort((a, b) => (b.Latest.Time, b.Id).CompareTo((a.Latest.Time, a.Id)));
        var ideas = IdeaTrailBuilder.Build(items, meetings, followUpWindow);
        ideas.Sort((a, b) => (b.Idea.Time, b.Idea.ItemId).CompareTo((a.Idea.Time, a.Idea.ItemId)));
        return new AccountabilitySnapshot(stamp, actions.Count, chains, ideas);
    }
}
