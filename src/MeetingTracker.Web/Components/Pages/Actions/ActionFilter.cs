using MeetingTracker.Core.Accountability;

namespace MeetingTracker.Web.Components.Pages.Actions;

public enum ActionSort
{
    Latest,
    Age,
    Team,
    Carried,
}

/// <summary>The state and order of an <see cref="ActionQuery"/>, checked.</summary>
public sealed record ActionFilter(IReadOnlySet<ActionState> States, int MinAgeDays, ActionSort Sort)
{
    public const string Active = "active";

    public static readonly IReadOnlyList<(string Value, string Label)> StateChoices =
        [("", "Any state"), (Active, "Not closed"), ("open", "Open"), ("overdue", "Overdue"), ("in-progress", "In progress"), ("need-help", "Need help"),
            ("no-time", "No time (up for grabs)"), ("done", "Done"), ("wont-do", "Won't do"), ("dropped", "Dropped")];

    public static readonly IReadOnlyList<(string Value, string Label)> SortChoices =
        [("latest", "Most recently seen"), ("age", "Oldest first"), ("team", "Team"), ("carried", "Most carried over")];

    /// <summary>The filter, or null and why the query cannot be answered.</summary>
    public static ActionFilter? Parse(ActionQuery query, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        problem = null;
        HashSet<ActionState> states = string.IsNullOrWhiteSpace(query.State) ? [.. Enum.GetValues<ActionState>()]
            : string.Equals(query.State.Trim(), Active, StringComparison.OrdinalIgnoreCase) ? [.. Enum.GetValues<ActionState>().Where(s => !s.IsClosed())]
            : ActionStates.Parse(query.State) is { } one ? [one]
            : [];
        if (states.Count == 0) problem = $"Unknown state '{query.State}': use {string.Join(", ", Enum.GetValues<ActionState>().Select(s => s.Name()))} or active.";

        ActionSort? sort = query.Sort?.Trim().ToUpperInvariant() switch
        {
            null or "" or "LATEST" => ActionSort.Latest,
            "AGE" => ActionSort.Age,
            "TEAM" => ActionSort.Team,
            "CARRIED" => ActionSort.Carried,
            _ => null,
        };
        if (sort is null) problem ??= $"Unknown sort '{query.Sort}': use latest, age, team or carried.";
        if (query.MinAgeDays < 0) problem ??= "minAgeDays cannot be negative.";
        return problem is null ? new ActionFilter(states, query.MinAgeDays ?? 0, sort!.Value) : null;
    }
}
