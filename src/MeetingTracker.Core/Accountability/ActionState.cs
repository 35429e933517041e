namespace MeetingTracker.Core.Accountability;

/// <summary>
/// Where an action stands. Inferred from the logs today (<see cref="ActionChain.InferState"/>); a status owners set
/// themselves (a later feature) will be stored against <see cref="ActionChain.Id"/> and take precedence.
/// </summary>
public enum ActionState
{
    /// <summary>Younger than the due window.</summary>
    Open,

    /// <summary>Older than the due window and still carried by the team's latest meeting.</summary>
    Overdue,

    /// <summary>Older than the due window, and the team has met since without carrying it: presumed done or abandoned.</summary>
    Dropped,
}

public static class ActionStates
{
    /// <summary>The state's name in URLs, the API and on the page (<c>open</c>, <c>overdue</c>, <c>dropped</c>).</summary>
    public static string Name(this ActionState state) => state switch
    {
        ActionState.Open => "open",
        ActionState.Overdue => "overdue",
        _ => "dropped",
    };

    public static ActionState? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "OPEN" => ActionState.Open,
        "OVERDUE" => ActionState.Overdue,
        "DROPPED" => ActionState.Dropped,
        _ => null,
    };
}
