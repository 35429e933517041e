namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of people.</summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api) => api;
}
