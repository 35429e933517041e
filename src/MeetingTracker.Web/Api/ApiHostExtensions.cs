using MeetingTracker.Web.Accounts;
using Microsoft.AspNetCore.Diagnostics;

namespace MeetingTracker.Web.Api;

/// <summary>The JSON API under <c>/api</c> and its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
public static class ApiHostExtensions
{
    public static void AddSiteApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi();
    }

    /// <summary>
    /// Pages answer an error status with the site's HTML page; the API and the feeds keep their own answers (a JSON
    /// body, or none), which clients parse. Call after <c>UseStatusCodePagesWithReExecute</c>.
    /// </summary>
    public static void UseApiAndFeedsOwnStatusAnswers(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            if ((context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/feeds"))
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            return next(context);
        });
    }

    public static void MapSiteApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        api.MapMeetingsApi();
        api.MapTeamsApi();
        api.MapProjectsApi();
        api.MapPeopleApi();
        api.MapActionsApi();
        api.MapActionEventsApi();
        api.MapIdeasApi();
        api.MapIdeaEventsApi();
        api.MapHelpApi();
        api.MapSearchApi();
        api.MapAccountApi();
    }
}
