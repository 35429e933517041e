using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using MeetingTracker.Web.Components.Pages.Ideas;
using Microsoft.AspNetCore.Http.HttpResults;

using MeetingTracker.Core.Accountability.Events;

namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of ideas.</summary>
public static class IdeasApi
{
    public static RouteGroupBuilder MapIdeasApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/ideas", ListAsync).CacheOutput(Caching.PageCacheSetup.ListPolicyName)
            .WithName("ListIdeas")
            .WithSummary("Every #idea, newest first, with what followed it (later items of its team sharing two significant words).")
            .WithDescription("team: a team key; followUp: with or without (ideas something followed, or nothing yet); "
                + "state: proposed, accepted, in-progress, implemented or declined (what people set; proposed when nobody did). "
                + "An unknown followUp or state answers 400 with { error }; an unknown team answers an empty page with { error } saying so.");
        return api;
    }

    private static async Task<Results<Ok<IdeasAnswer>, BadRequest<AccountabilityError>>> ListAsync(
        string? team, string? followUp, string? state, int? page, int? pageSize, IdeaQueries queries, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IdeaQueries.IsFollowUpFilter(followUp))
        {
            return TypedResults.BadRequest(new AccountabilityError($"Unknown followUp '{followUp}': use with or without."));
        }

        if (!IdeaQueries.IsStateFilter(state)) return TypedResults.BadRequest(new AccountabilityError(IdeaQueries.UnknownState(state)));

        var list = await queries.ListAsync(new IdeaQuery(team, followUp, page, pageSize, state), cancellationToken);
        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var rows = list.Rows;
        return TypedResults.Ok(new IdeasAnswer(
            [.. rows.Items.Select(r => IdeaAnswer.Of(r, site))], rows.Page, rows.PageSize, rows.Total, rows.Pages, list.FollowUpDays, list.Problem));
    }
}

public sealed record IdeasAnswer(IReadOnlyList<IdeaAnswer> Items, int Page, int PageSize, int Total, int Pages, int FollowUpDays, string? Error);

/// <summary>
/// An idea (<see cref="Url"/> on its meeting's page, <see cref="Page"/> its own), what followed it, where it stands
/// (<see cref="State"/>: proposed when nobody set one) and who champions it.
/// </summary>
public sealed record IdeaAnswer(
    int Id, string Text, string Nick, string? Person, TeamLink Team, int MeetingId, DateTimeOffset Time, Uri Url, IReadOnlyList<FollowUpAnswer> FollowedBy,
    string State, OwnerLink? Champion, Uri Page)
{
    public static IdeaAnswer Of(IdeaRow row, Uri site)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.Id, row.Text, row.Nick, row.PersonName, row.Team, row.MeetingId, row.Time, new Uri(site, Links.Item(row.MeetingId, row.ItemNumber)),
            [.. row.FollowedBy.Select(f => new FollowUpAnswer(f.Kind, f.Text, f.MeetingId, f.Time, new Uri(site, Links.Item(f.MeetingId, f.ItemNumber))))],
            row.State, row.Champion, new Uri(site, Links.Idea(row.Id)));
    }
}

public sealed record FollowUpAnswer(string Kind, string Text, int MeetingId, DateTimeOffset Time, Uri Url);
