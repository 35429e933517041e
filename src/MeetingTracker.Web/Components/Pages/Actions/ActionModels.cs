using MeetingTracker.Core.Accountability.Events;

namespace MeetingTracker.Web.Components.Pages.Actions;

/// <summary>Which actions to list: the /actions form and GET /api/actions share it. Empty values mean "any".</summary>
/// <param name="State"><c>open</c>, <c>overdue</c>, <c>dropped</c>, or <c>active</c> (open or overdue).</param>
/// <param name="Sort"><c>latest</c> (most recently seen first, the default), <c>age</c> (oldest first), <c>team</c>, <c>carried</c> (most carried over first).</param>
public sealed record ActionQuery(
    string? Team = null, string? Person = null, string? State = null, int? MinAgeDays = null, string? Sort = null, int? Page = null, int? PageSize = null);

public sealed record TeamLink(string Key, string Name);

/// <summary>
/// One action chain, shown at its latest occurrence. <see cref="Id"/> is the chain's (its first item's id);
/// <see cref="State"/> is where it stands (<see cref="Core.Accountability.ActionStates.Name"/>), <see cref="InferredState"/> what the
/// logs alone say; <see cref="Reopened"/>: set done, then carried again by the team.
/// </summary>
public sealed record ActionRow(
    int Id,
    string Text,
    IReadOnlyList<OwnerLink> Owners,
    TeamLink Team,
    int MeetingId,
    int ItemNumber,
    DateTimeOffset LastSeen,
    int FirstMeetingId,
    int FirstItemNumber,
    DateTimeOffset FirstRaised,
    int AgeDays,
    int CarriedOver,
    string State,
    string InferredState = "open",
    DateOnly? DueDate = null,
    bool Reopened = false);

/// <summary>How many actions (under the team and person filters) are in each state.</summary>
public sealed record StateCounts(int Open, int Overdue, int Dropped, int Done = 0, int InProgress = 0, int NeedHelp = 0, int NoTime = 0, int WontDo = 0)
{
    public static StateCounts Of(IEnumerable<Core.Accountability.ActionState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var n = new int[Enum.GetValues<Core.Accountability.ActionState>().Length];
        foreach (var s in states) n[(int)s]++;
        return new StateCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }
}

/// <summary>A page of actions, or the reason the query cannot be answered (<see cref="Problem"/>).</summary>
public sealed record ActionList(Common.PageOf<ActionRow> Rows, StateCounts Counts, IReadOnlyList<TeamLink> Teams, int DueDays, string? Problem = null);
