namespace MeetingTracker.Web.Api;

/// <summary>The JSON API under <c>/api</c> and its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
public static class ApiHostExtensions
{
    public static void AddSiteApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi();
    }

    public static void MapSiteApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        api.MapMeetingsApi();
        api.MapTeamsApi();
        api.MapPeopleApi();
        api.MapActionsApi();
        api.MapIdeasApi();
        api.MapSearchApi();
    }
}
