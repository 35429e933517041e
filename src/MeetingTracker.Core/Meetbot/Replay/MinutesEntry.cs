namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// One entry of MeetBot's <c>M.minutes</c> list while replaying: a topic (<see cref="Kind"/> null) or an item.
/// Topics and items share one list because <c>#undo</c> removes the last entry of either kind.
/// </summary>
internal sealed record MinutesEntry(ItemKind? Kind, string Text, LogLine Line, string? Url = null)
{
    /// <summary>For a VOTE item: what the vote was, as the replay counted it.</summary>
    public VoteRecord? Vote { get; init; }

    public bool IsTopic => Kind is null;
}
