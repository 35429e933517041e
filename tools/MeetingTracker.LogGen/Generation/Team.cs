namespace MeetingTracker.LogGen.Generation;

/// <summary>An action item a team carries from meeting to meeting until it is done.</summary>
/// <param name="Text">The exact text, repeated verbatim each time it is carried over.</param>
/// <param name="Person">The member's usual nick.</param>
/// <param name="WeeksLeft">Meetings until it is reported done (0: done at the next follow-up).</param>
internal sealed record OpenAction(string Text, string Person, int WeeksLeft);

/// <summary>A team that meets weekly: who, where, when, and its own random stream and open actions.</summary>
internal sealed class Team
{
    public required string Key { get; init; }

    public required string Area { get; init; }

    public required string Channel { get; init; }

    /// <summary>The <c>#startmeeting</c> text (null: a bare <c>#startmeeting</c>).</summary>
    public required string? StartText { get; init; }

    /// <summary>Name set later with <c>#meetingname</c>, if the team does that.</summary>
    public string? RenameTo { get; init; }

    public required IReadOnlyList<string> Leads { get; init; }

    public required IReadOnlyList<string> Members { get; init; }

    public required DayOfWeek Day { get; init; }

    public required TimeOnly Time { get; init; }

    public required Random Rng { get; init; }

    public List<OpenAction> OpenActions { get; } = [];

    /// <summary>Its projects, tickets and long-running subjects, drawn from a stream of their own.</summary>
    public required TeamPlanting Planting { get; init; }

    public IEnumerable<string> Everyone => Leads.Concat(Members);
}
