using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;

namespace MeetingTracker.Web.Components.Pages.Help;

/// <summary>What needs a hand: a <c>#help</c> item of the minutes, an action, or an idea looking for a champion.</summary>
public enum HelpKind
{
    Help,
    Action,
    Idea,
}

/// <summary>Which entries of the board to show (/help and GET /api/help); an empty team means every team.</summary>
public sealed record HelpQuery(string? Team = null, int? Page = null, int? PageSize = null);

/// <summary>
/// One entry of the board. <see cref="Id"/>: the <c>#help</c> item's id, the action chain's or the idea's;
/// <see cref="State"/>: the action's (<c>need-help</c>, <c>no-time</c>) or the idea's (<c>proposed</c>, <c>accepted</c>),
/// null for a <c>#help</c> item; <see cref="Time"/>: when it started needing a hand (asked, released, raised).
/// <see cref="MeetingId"/> and <see cref="ItemNumber"/>: the item in the minutes (an action's latest occurrence).
/// </summary>
public sealed record HelpRow(HelpKind Kind, int Id, string Text, TeamLink Team, DateTimeOffset Time, string? State, int MeetingId, int ItemNumber)
{
    public string KindName => Kind.ToString().ToLowerInvariant();

    /// <summary>Where it is raised: its item on the meeting page.</summary>
    public string ItemLink => Links.Item(MeetingId, ItemNumber);

    /// <summary>Its own page (a <c>#help</c> item has none but its meeting's).</summary>
    public string PageLink => Kind switch
    {
        HelpKind.Action => Links.Action(Id),
        HelpKind.Idea => Links.Idea(Id),
        _ => ItemLink,
    };
}

public sealed record HelpList(PageOf<HelpRow> Rows, IReadOnlyList<TeamLink> Teams, string? Problem = null);
