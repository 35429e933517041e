namespace MeetingTracker.Web.Components.Pages.Stats;

/// <summary>
/// Monthly figures over <see cref="Months"/> (oldest first, <c>yyyy-MM</c>, UTC). <see cref="Teams"/> holds the
/// busiest teams of the period and, last, "Other" for the rest when there is a rest.
/// </summary>
public sealed record StatsModel(
    IReadOnlyList<string> Months,
    IReadOnlyList<TeamMonths> Teams,
    IReadOnlyList<MonthFigures> Figures)
{
    public static readonly StatsModel Empty = new([], [], []);
}

/// <summary>Meetings per month of one team (<see cref="Key"/> null for the "Other" row).</summary>
public sealed record TeamMonths(string? Key, string Name, IReadOnlyList<int> Meetings);

/// <summary>One month: meetings, distinct people, mean attendees per meeting (distinct people each), actions raised.</summary>
public sealed record MonthFigures(string Month, int Meetings, int People, double AverageAttendees, int Actions);
