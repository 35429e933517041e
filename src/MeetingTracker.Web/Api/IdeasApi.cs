namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of ideas.</summary>
public static class IdeasApi
{
    public static RouteGroupBuilder MapIdeasApi(this RouteGroupBuilder api) => api;
}
