namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of meetings.</summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api) => api;
}
