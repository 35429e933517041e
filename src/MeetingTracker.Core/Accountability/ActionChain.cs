namespace MeetingTracker.Core.Accountability;

/// <summary>A minutes item as the accountability views point at it (the meeting page's <c>item-N</c> anchor).</summary>
public sealed record ItemRef(int ItemId, int MeetingId, int Number, DateTimeOffset Time);

/// <summary>
/// One action as its team carried it: raised in one meeting and repeated (same normalised text) in later ones.
/// <see cref="Id"/>, the first occurrence's item id, is stable across re-reads (items keep their ids), so a status
/// its owners set will be stored against it.
/// </summary>
/// <param name="Text">The text as written at its latest occurrence.</param>
/// <param name="Meetings">Meetings that carried it (the first included).</param>
/// <param name="MeetingsSince">The team's meetings after the latest occurrence (0: the team's latest meeting carries it).</param>
public sealed record ActionChain(int TeamId, string Text, ItemRef First, ItemRef Latest, int Meetings, int MeetingsSince)
{
    public int Id => First.ItemId;

    public int CarriedOver => Meetings - 1;

    /// <summary>The done note in a later meeting of the team that closed it (<see cref="DoneNotes"/>), if any.</summary>
    public ItemRef? DoneInLogs { get; init; }

    /// <summary>Whole days since it was first raised.</summary>
    public int AgeDays(DateTimeOffset now) => Math.Max(0, (int)Math.Floor((now - First.Time).TotalDays));

    /// <summary>
    /// The rule (ADR 9): within <paramref name="dueDays"/> of being first raised an action is <c>open</c>, whether or
    /// not the team repeated it since (teams that never repeat actions get their due window too). After that it is
    /// <c>overdue</c> while the team's latest meeting still carries it, and <c>dropped</c> once the team has met
    /// without it. A done note in the logs (<see cref="DoneInLogs"/>) makes it <c>done</c> whatever else holds.
    /// </summary>
    public ActionState InferState(DateTimeOffset now, int dueDays)
    {
        if (DoneInLogs is not null) return ActionState.Done;
        if (now - First.Time <= TimeSpan.FromDays(dueDays)) return ActionState.Open;
        return MeetingsSince == 0 ? ActionState.Overdue : ActionState.Dropped;
    }
}
