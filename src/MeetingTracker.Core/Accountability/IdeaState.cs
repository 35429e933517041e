namespace MeetingTracker.Core.Accountability;

/// <summary>Where an idea stands on its way to implementation: proposed → accepted → in progress → implemented, or declined.</summary>
public enum IdeaState
{
    Proposed,
    Accepted,
    InProgress,
    Implemented,
    Declined,
}

public static class IdeaStates
{
    public static readonly IReadOnlyList<IdeaState> All = Enum.GetValues<IdeaState>();

    /// <summary>The state's name in URLs and the API (<c>proposed</c>, <c>in-progress</c>...).</summary>
    public static string Name(this IdeaState state) => state switch
    {
        IdeaState.Proposed => "proposed",
        IdeaState.Accepted => "accepted",
        IdeaState.InProgress => "in-progress",
        IdeaState.Implemented => "implemented",
        _ => "declined",
    };

    public static string Label(this IdeaState state) => state == IdeaState.InProgress ? "in progress" : state.Name();

    public static IdeaState? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "PROPOSED" => IdeaState.Proposed,
        "ACCEPTED" => IdeaState.Accepted,
        "IN-PROGRESS" => IdeaState.InProgress,
        "IMPLEMENTED" => IdeaState.Implemented,
        "DECLINED" => IdeaState.Declined,
        _ => null,
    };
}
