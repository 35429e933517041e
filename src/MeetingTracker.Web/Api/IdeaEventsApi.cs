using System.Security.Claims;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using MeetingTracker.Web.Components.Pages.Ideas;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingTracker.Web.Api;

/// <summary>
/// <c>GET /api/ideas/{id}</c>: one idea with where it stands, its champion, links and history; <c>POST
/// /api/ideas/{id}/events</c>: say something about it, as <see cref="ActionEventsApi"/> does for actions (same
/// credentials, same answers).
/// </summary>
public static class IdeaEventsApi
{
    public static RouteGroupBuilder MapIdeaEventsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/ideas/{id:int}", GetAsync)
            .WithName("GetIdea")
            .WithSummary("One idea as /api/ideas lists it, with state (proposed when nobody set one), champion, links (implementation URLs), page and history (oldest first).");
        api.MapPost("/ideas/{id:int}/events", PostAsync)
            .WithName("PostIdeaEvent")
            .RequireAuthorization(Policies.User)
            .RequireCookieAntiforgery()
            .WithSummary("Says one thing about an idea: a state (proposed, accepted, in-progress, implemented, declined) with a note and a link (its author, champion, chairs, admins), "
                + "takeOn (the caller champions it), champion (a nick; chairs and admins), a link, a comment or undo (chairs and admins).")
            .WithDescription("201 with the event as history shows it; 400 { error } for an unknown state, a bad link (only http(s)) or a malformed body; "
                + "401 without credentials; 403 { error } when this caller may not; 404 for an unknown idea.");
        return api;
    }

    private static async Task<Results<Ok<IdeaDetailAnswer>, NotFound<AccountabilityError>>> GetAsync(
        int id, IdeaDetails details, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await details.FindAsync(id, cancellationToken) is not { } detail) return TypedResults.NotFound(new AccountabilityError($"No idea {id}."));
        return TypedResults.Ok(IdeaDetailAnswer.Of(detail, ActionEventsApi.SiteBase(request)));
    }

    private static async Task<Results<Created<HistoryEntry>, BadRequest<AccountabilityError>, NotFound<AccountabilityError>, JsonHttpResult<AccountabilityError>>> PostAsync(
        int id, IdeaChange change, ClaimsPrincipal user, AccountabilityWrites writes, CancellationToken cancellationToken)
    {
        var outcome = await writes.IdeaAsync(id, change, user, cancellationToken);
        return ActionEventsApi.Answer(outcome, $"No idea {id}.", Links.Idea(id));
    }
}

/// <summary>GET /api/ideas/{id}: the list's fields (state and champion among them) plus its page, implementation links and history.</summary>
public sealed record IdeaDetailAnswer(
    int Id,
    string Text,
    string Nick,
    string? Person,
    TeamLink Team,
    int MeetingId,
    DateTimeOffset Time,
    Uri Url,
    IReadOnlyList<FollowUpAnswer> FollowedBy,
    string State,
    OwnerLink? Champion,
    IReadOnlyList<Uri> Links,
    Uri Page,
    IReadOnlyList<HistoryEntry> History)
{
    public static IdeaDetailAnswer Of(IdeaDetail detail, Uri site)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var list = IdeaAnswer.Of(detail.Row, site);
        return new(
            list.Id, list.Text, list.Nick, list.Person, list.Team, list.MeetingId, list.Time, list.Url, list.FollowedBy, list.State, list.Champion,
            [.. detail.Links.Select(l => new Uri(l))], new Uri(site, Components.Common.Links.Idea(list.Id)), detail.History);
    }
}
