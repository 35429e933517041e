using System.Security.Claims;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Web.Accounts;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingTracker.Web.Api;

/// <summary>
/// <c>GET /api/actions/{id}</c>: one chain with where it stands and its history; <c>POST /api/actions/{id}/events</c>:
/// say something about it (the rules of <see cref="EventRules"/>). Writes take a personal access token, or the session
/// cookie with the antiforgery token in the <c>RequestVerificationToken</c> header.
/// </summary>
public static class ActionEventsApi
{
    public static RouteGroupBuilder MapActionEventsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/actions/{id:int}", GetAsync)
            .WithName("GetAction")
            .WithSummary("One action chain as /api/actions lists it, with state (what people said, else the logs), inferredState (the logs alone), owners, dueDate and history (oldest first).");
        api.MapPost("/actions/{id:int}/events", PostAsync)
            .WithName("PostActionEvent")
            .RequireAuthorization(Policies.User)
            .RequireCookieAntiforgery()
            .WithSummary("Says one thing about an action: a state (open, in-progress, need-help, no-time, done; wont-do for chairs and admins) with a note and a link, take, offer (help), a comment, a due date, reassign or undo (chairs and admins).")
            .WithDescription("201 with the event as history shows it; 400 { error } for an unknown state, a bad link (only http(s)) or a malformed body; "
                + "401 without credentials; 403 { error } when this caller may not; 404 for an unknown chain.");
        return api;
    }

    /// <summary>
    /// A write by session cookie needs the antiforgery token (header <c>RequestVerificationToken</c>), as the site's
    /// forms do; a personal access token (<c>Authorization: Bearer</c>) cannot be sent by another site and needs none.
    /// </summary>
    public static RouteHandlerBuilder RequireCookieAntiforgery(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.AuthenticationType == TokenAuthenticationHandler.SchemeName) return await next(context);
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(http)
                ? await next(context)
                : TypedResults.BadRequest(new AccountabilityError("Missing or invalid antiforgery token (send it in the RequestVerificationToken header, or use a personal access token)."));
        });
        return builder;
    }

    private static async Task<Results<Ok<ActionDetailAnswer>, NotFound<AccountabilityError>>> GetAsync(
        int id, ActionDetails details, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await details.FindAsync(id, cancellationToken) is not { } detail) return TypedResults.NotFound(new AccountabilityError($"No action chain {id}."));
        return TypedResults.Ok(ActionDetailAnswer.Of(detail, SiteBase(request)));
    }

    private static async Task<Results<Created<HistoryEntry>, BadRequest<AccountabilityError>, NotFound<AccountabilityError>, JsonHttpResult<AccountabilityError>>> PostAsync(
        int id, ActionChange change, ClaimsPrincipal user, AccountabilityWrites writes, CancellationToken cancellationToken)
    {
        var outcome = await writes.ActionAsync(id, change, user, cancellationToken);
        return Answer(outcome, $"No action chain {id}.", Links.Action(id));
    }

    internal static Results<Created<HistoryEntry>, BadRequest<AccountabilityError>, NotFound<AccountabilityError>, JsonHttpResult<AccountabilityError>> Answer(
        WriteOutcome outcome, string missing, string page)
    {
        if (outcome.NotFound) return TypedResults.NotFound(new AccountabilityError(missing));
        if (outcome.Refusal is { Forbidden: true } forbidden) return TypedResults.Json(new AccountabilityError(forbidden.Error), statusCode: StatusCodes.Status403Forbidden);
        if (outcome.Refusal is { } refusal) return TypedResults.BadRequest(new AccountabilityError(refusal.Error));
        return TypedResults.Created("/" + page + "#event-" + outcome.Event!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Event);
    }

    internal static Uri SiteBase(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");
}

/// <summary>
/// GET /api/actions/{id}: the list's fields plus where it stands, its owners now and before, due date, meetings and
/// history; <see cref="DoneInLogs"/> is the done note in the minutes that closed it (ADR 9), when one did.
/// </summary>
public sealed record ActionDetailAnswer(
    int Id,
    string Text,
    IReadOnlyList<OwnerLink> Owners,
    IReadOnlyList<OwnerLink> EarlierOwners,
    TeamLink Team,
    int MeetingId,
    DateTimeOffset LastSeen,
    DateTimeOffset FirstRaised,
    int AgeDays,
    int CarriedOver,
    string State,
    string InferredState,
    bool Reopened,
    DateOnly? DueDate,
    bool PastDue,
    Uri Url,
    Uri FirstUrl,
    Uri Page,
    IReadOnlyList<OccurrenceAnswer> Meetings,
    IReadOnlyList<OfferRow> Offers,
    IReadOnlyList<HistoryEntry> History,
    Uri? DoneInLogs)
{
    public static ActionDetailAnswer Of(ActionDetail detail, Uri site)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var row = detail.Row;
        var list = ActionAnswer.Of(row, site);
        return new(
            row.Id, row.Text, row.Owners, detail.EarlierOwners, row.Team, row.MeetingId, row.LastSeen, row.FirstRaised, row.AgeDays, row.CarriedOver,
            row.State, row.InferredState, row.Reopened, row.DueDate, detail.Standing.PastDue, list.Url, list.FirstUrl, new Uri(site, Links.Action(row.Id)),
            [.. detail.Meetings.Select(m => new OccurrenceAnswer(m.MeetingId, m.Meeting, m.Time, new Uri(site, Links.Item(m.MeetingId, m.ItemNumber)),
                m.Line is { } line ? new Uri(site, Links.LogLine(m.MeetingId, line)) : null))],
            detail.Offers,
            detail.History,
            detail.Standing.Chain.DoneInLogs is { } note ? new Uri(site, Links.Item(note.MeetingId, note.Number)) : null);
    }
}

/// <summary>A meeting that carried the action: its item on the meeting page and its log line.</summary>
public sealed record OccurrenceAnswer(int MeetingId, string Meeting, DateTimeOffset Time, Uri Url, Uri? LogLine);
