using System.Runtime.CompilerServices;

namespace MeetingTracker.Core.Accountability;

/// <summary>A snapshot's chains and trails by id, built once per snapshot on first use (pages look one up per request).</summary>
public static class SnapshotIndex
{
    private static readonly ConditionalWeakTable<AccountabilitySnapshot, Index> Indexes = [];

    public static ActionChain? Action(this AccountabilitySnapshot snapshot, int chainId) => Of(snapshot).Actions.GetValueOrDefault(chainId);

    public static IdeaTrail? Idea(this AccountabilitySnapshot snapshot, int ideaId) => Of(snapshot).Ideas.GetValueOrDefault(ideaId);

    /// <summary>The chain an action item belongs to (any of its occurrences), or null.</summary>
    public static ActionChain? ChainOfItem(this AccountabilitySnapshot snapshot, int itemId) => Of(snapshot).ByItem.GetValueOrDefault(itemId);

    private static Index Of(AccountabilitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Indexes.GetValue(snapshot, s => new Index(
            s.Actions.ToDictionary(c => c.Id),
            s.Ideas.ToDictionary(i => i.Idea.ItemId),
            s.Actions.SelectMany(c => new[] { (c.First.ItemId, c), (c.Latest.ItemId, c) }).DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.c)));
    }

    private sealed record Index(Dictionary<int, ActionChain> Actions, Dictionary<int, IdeaTrail> Ideas, Dictionary<int, ActionChain> ByItem);
}
