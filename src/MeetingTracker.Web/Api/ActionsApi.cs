namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of actions.</summary>
public static class ActionsApi
{
    public static RouteGroupBuilder MapActionsApi(this RouteGroupBuilder api) => api;
}
