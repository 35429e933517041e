namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of search.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api) => api;
}
