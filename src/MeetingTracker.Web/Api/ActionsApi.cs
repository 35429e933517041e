using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.AspNetCore.Http.HttpResults;

using MeetingTracker.Core.Accountability.Events;

namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of actions.</summary>
public static class ActionsApi
{
    public static RouteGroupBuilder MapActionsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/actions", ListAsync).CacheOutput(Caching.PageCacheSetup.ListPolicyName)
            .WithName("ListActions")
            .WithSummary("Every action, one per carry-over chain (the same text repeated in later meetings of its team), at its latest occurrence.")
            .WithDescription("team: a team key; person: a name or nick (the action's owners); state: open, overdue, dropped or active "
                + "(open or overdue); minAgeDays: at least this many days since first raised; sort: latest (default), age (oldest "
                + "first), team or carried (most carried over first). A value that cannot be understood answers 400 with { error }; "
                + "an unknown team or person answers an empty page with { error } saying so.");
        return api;
    }

    private static async Task<Results<Ok<ActionsAnswer>, BadRequest<AccountabilityError>>> ListAsync(
        string? team, string? person, string? state, int? minAgeDays, string? sort, int? page, int? pageSize,
        ActionQueries queries, HttpRequest request, CancellationToken cancellationToken)
    {
        if (ActionFilter.Parse(new ActionQuery(State: state, MinAgeDays: minAgeDays, Sort: sort), out var problem) is null)
        {
            return TypedResults.BadRequest(new AccountabilityError(problem!));
        }

        var list = await queries.ListAsync(new ActionQuery(team, person, state, minAgeDays, sort, page, pageSize), cancellationToken);
        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var rows = list.Rows;
        return TypedResults.Ok(new ActionsAnswer(
            [.. rows.Items.Select(r => ActionAnswer.Of(r, site))],
            rows.Page,
            rows.PageSize,
            rows.Total,
            rows.Pages,
            list.Counts,
            list.DueDays,
            list.Problem));
    }
}

/// <summary>A page of actions; <see cref="Counts"/> are per state under the team and person filters.</summary>
public sealed record ActionsAnswer(
    IReadOnlyList<ActionAnswer> Items, int Page, int PageSize, int Total, int Pages, StateCounts Counts, int DueDays, string? Error);

/// <summary>
/// An action chain at its latest occurrence (<see cref="Url"/>, on its meeting's page); <see cref="Id"/> is the chain's,
/// the id of the item that first raised it (<see cref="FirstUrl"/>).
/// </summary>
public sealed record ActionAnswer(
    int Id,
    string Text,
    IReadOnlyList<OwnerLink> Owners,
    TeamLink Team,
    int MeetingId,
    DateTimeOffset LastSeen,
    DateTimeOffset FirstRaised,
    int AgeDays,
    int CarriedOver,
    string State,
    Uri Url,
    Uri FirstUrl)
{
    public static ActionAnswer Of(ActionRow row, Uri site)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.Id, row.Text, row.Owners, row.Team, row.MeetingId, row.LastSeen, row.FirstRaised, row.AgeDays, row.CarriedOver, row.State,
            new Uri(site, Links.Item(row.MeetingId, row.ItemNumber)),
            new Uri(site, Links.Item(row.FirstMeetingId, row.FirstItemNumber)));
    }
}

/// <summary>Why a request to the actions or ideas API cannot be answered.</summary>
public sealed record AccountabilityError(string Error);
