namespace MeetingTracker.Core.Accounts;

/// <summary>
/// The authorization policies every page and API call asks (their requirement handlers live in the web host).
/// Roles: anonymous reads everything public; a signed-in user; an owner (whose verified person an action names); a
/// team chair (a verified person who chaired one of the team's last five meetings); an admin (a confirmed account
/// whose e-mail address <c>MeetingTracker:Admins</c> lists).
/// </summary>
public static class Policies
{
    public const string User = "user";

    public const string Owner = "owner";

    public const string TeamChair = "team-chair";

    public const string Admin = "admin";
}
