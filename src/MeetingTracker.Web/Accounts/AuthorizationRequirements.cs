using Microsoft.AspNetCore.Authorization;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// The caller's verified person owns the action. Resource: an <see cref="Core.Accountability.ActionChain"/> (its
/// latest occurrence's owners, as the person page counts them) or an action item's id.
/// </summary>
public sealed class OwnerRequirement : IAuthorizationRequirement;

/// <summary>
/// The caller's verified person chaired at least one of the team's last <see cref="Meetings"/> meetings (its
/// <c>Chairs</c>). Resource: a team's key (string) or id (int).
/// </summary>
public sealed class TeamChairRequirement : IAuthorizationRequirement
{
    public const int Meetings = Core.Reminders.TeamChairs.RecentMeetings;
}
