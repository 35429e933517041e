using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using MeetingTracker.Web.Components.Pages.Help;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingTracker.Web.Api;

/// <summary><c>GET /api/help</c>: the entries of /help.</summary>
public static class HelpApi
{
    public static RouteGroupBuilder MapHelpApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/help", ListAsync).CacheOutput(Caching.PageCacheSetup.ListPolicyName)
            .WithName("ListHelpWanted")
            .WithSummary("Everything that needs a hand, newest first: #help items (kind help), actions that need help or that their owners released (kind action, state need-help or no-time), "
                + "and ideas nobody champions that are proposed or accepted (kind idea).")
            .WithDescription("team: a team key (an unknown team answers an empty page with { error } saying so); page, pageSize. "
                + "url: the item in its meeting's minutes; page: its own page (/actions/{id}, /ideas/{id}; a #help item's meeting).");
        return api;
    }

    private static async Task<Ok<HelpAnswer>> ListAsync(string? team, int? page, int? pageSize, HelpBoard board, HttpRequest request, CancellationToken cancellationToken)
    {
        var list = await board.ListAsync(new HelpQuery(team, page, pageSize), cancellationToken);
        var site = ActionEventsApi.SiteBase(request);
        var rows = list.Rows;
        return TypedResults.Ok(new HelpAnswer(
            [.. rows.Items.Select(r => new HelpItemAnswer(r.KindName, r.Id, r.Text, r.Team, r.Time, r.State, new Uri(site, r.ItemLink), new Uri(site, r.PageLink)))],
            rows.Page, rows.PageSize, rows.Total, rows.Pages, list.Problem));
    }
}

public sealed record HelpAnswer(IReadOnlyList<HelpItemAnswer> Items, int Page, int PageSize, int Total, int Pages, string? Error);

/// <summary>One entry: <see cref="Kind"/> help, action or idea; <see cref="State"/> null for a #help item.</summary>
public sealed record HelpItemAnswer(string Kind, int Id, string Text, TeamLink Team, DateTimeOffset Time, string? State, Uri Url, Uri Page);
