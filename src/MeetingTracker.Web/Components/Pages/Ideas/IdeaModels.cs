using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;

using MeetingTracker.Core.Accountability.Events;

namespace MeetingTracker.Web.Components.Pages.Ideas;

/// <summary>
/// Which ideas to list (/ideas and GET /api/ideas). <see cref="FollowUp"/>: <c>with</c>, <c>without</c> or empty for all;
/// <see cref="State"/>: an <see cref="Core.Accountability.IdeaState"/> name or empty for all.
/// </summary>
public sealed record IdeaQuery(string? Team = null, string? FollowUp = null, int? Page = null, int? PageSize = null, string? State = null);

/// <summary>An item that took an idea up; <see cref="Kind"/> is <c>agreed</c>, <c>accepted</c>, <c>rejected</c>, <c>action</c> or <c>info</c>.</summary>
public sealed record FollowUpRow(int MeetingId, int ItemNumber, string Kind, DateTimeOffset Time, string Text);

/// <summary>
/// An <c>#idea</c>, who raised it (the person's page name when the nick is a person's), what followed, where it stands
/// (<see cref="State"/>: what people set, else <c>proposed</c>) and who champions it.
/// </summary>
public sealed record IdeaRow(
    int Id, string Text, string Nick, string? PersonName, TeamLink Team, int MeetingId, int ItemNumber, DateTimeOffset Time, IReadOnlyList<FollowUpRow> FollowedBy,
    string State = "proposed", OwnerLink? Champion = null);

public sealed record IdeaList(PageOf<IdeaRow> Rows, IReadOnlyList<TeamLink> Teams, int FollowUpDays, string? Problem = null);
