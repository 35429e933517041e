namespace MeetingTracker.Core.Accountability;

/// <summary>
/// Where an action stands. The first three and <see cref="Done"/> (a done note in the minutes) are inferred from the
/// logs (<see cref="ActionChain.InferState"/>); the others, and <see cref="Done"/> again, are said by people (owners,
/// chairs, admins) as events stored against the chain's id, and the newest of those wins (ADR 9).
/// </summary>
public enum ActionState
{
    /// <summary>Younger than the due window (or its due date not passed).</summary>
    Open,

    /// <summary>Past its due window or date and still carried by the team's latest meeting.</summary>
    Overdue,

    /// <summary>Past the due window, and the team has met since without carrying it: presumed done or abandoned.</summary>
    Dropped,

    /// <summary>Done: said by an owner, or by a done note in a later meeting of the team.</summary>
    Done,

    /// <summary>An owner is working on it.</summary>
    InProgress,

    /// <summary>An owner asked for help (the note says with what).</summary>
    NeedHelp,

    /// <summary>An owner has no time for it: released, up for grabs.</summary>
    NoTime,

    /// <summary>A chair or an admin decided it will not be done.</summary>
    WontDo,
}

public static class ActionStates
{
    /// <summary>The states the logs alone can give.</summary>
    public static readonly IReadOnlyList<ActionState> Inferred = [ActionState.Open, ActionState.Overdue, ActionState.Dropped, ActionState.Done];

    /// <summary>The states people set (owners all but <see cref="ActionState.WontDo"/>, which is a chair's or an admin's).</summary>
    public static readonly IReadOnlyList<ActionState> Settable =
        [ActionState.Open, ActionState.InProgress, ActionState.NeedHelp, ActionState.NoTime, ActionState.Done, ActionState.WontDo];

    /// <summary>The state's name in URLs, the API and on the page (<c>open</c>, <c>in-progress</c>, <c>wont-do</c>...).</summary>
    public static string Name(this ActionState state) => state switch
    {
        ActionState.Open => "open",
        ActionState.Overdue => "overdue",
        ActionState.Dropped => "dropped",
        ActionState.Done => "done",
        ActionState.InProgress => "in-progress",
        ActionState.NeedHelp => "need-help",
        ActionState.NoTime => "no-time",
        _ => "wont-do",
    };

    /// <summary>The state as a sentence fragment ("need help", "won't do").</summary>
    public static string Label(this ActionState state) => state switch
    {
        ActionState.InProgress => "in progress",
        ActionState.NeedHelp => "need help",
        ActionState.NoTime => "no time",
        ActionState.WontDo => "won't do",
        _ => state.Name(),
    };

    /// <summary>Done or won't do: nothing more is owed.</summary>
    public static bool IsClosed(this ActionState state) => state is ActionState.Done or ActionState.WontDo or ActionState.Dropped;

    /// <summary>Anyone verified may take it: its owner released it or asked for help.</summary>
    public static bool IsUpForGrabs(this ActionState state) => state is ActionState.NoTime or ActionState.NeedHelp;

    /// <summary>The state a name or label gives (<c>need-help</c>, <c>need help</c>, <c>won't do</c>), any case; null for none.</summary>
    public static ActionState? Parse(string? name) => name?.Trim().Replace(' ', '-').Replace("'", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "OPEN" => ActionState.Open,
        "OVERDUE" => ActionState.Overdue,
        "DROPPED" => ActionState.Dropped,
        "DONE" => ActionState.Done,
        "IN-PROGRESS" => ActionState.InProgress,
        "NEED-HELP" => ActionState.NeedHelp,
        "NO-TIME" => ActionState.NoTime,
        "WONT-DO" => ActionState.WontDo,
        _ => null,
    };
}
