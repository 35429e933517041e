namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of teams.</summary>
public static class TeamsApi
{
    public static RouteGroupBuilder MapTeamsApi(this RouteGroupBuilder api) => api;
}
