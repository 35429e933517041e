using MeetingTracker.Core.Accountability;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.People;
using MeetingTracker.Web.Feeds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of people: the list (filtered and paged) and one person with a page of their actions.</summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/people", ListAsync).WithName("ListPeople").CacheOutput(Caching.PageCacheSetup.ListPolicyName)
            .WithSummary("People, paged; q keeps those whose name or a nick contains it (any case); sort=name (default) or meetings.");
        api.MapGet("/people/{name}", GetAsync).WithName("GetPerson")
            .WithSummary("One person (by name, or by any nick in any case) with nicks, teams, counts and a page of their actions (carry-over chains whose latest occurrence names them) with state and age, most recently seen first.");
        return api;
    }

    private static async Task<Ok<PageOf<PersonResponse>>> ListAsync(
        string? q, string? sort, int? page, int? pageSize, HttpRequest request, PersonQueries queries, CancellationToken cancellationToken)
    {
        var site = SiteUri.Of(request);
        var people = await queries.ListAsync(q, PeopleIndex.ParseOrder(sort), page, pageSize, cancellationToken);
        var items = people.Items
            .Select(p => new PersonResponse(p.Name, p.Aliases, p.Meetings, p.Lines, p.LastSeen, Links.Absolute(site, Links.Person(p.Name))))
            .ToList();
        return TypedResults.Ok(new PageOf<PersonResponse>(items, people.Page, people.PageSize, people.Total));
    }

    private static async Task<Results<Ok<PersonDetailResponse>, NotFound>> GetAsync(
        string name, int? page, int? pageSize, HttpRequest request, PersonQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(name, cancellationToken) is not { } found) return TypedResults.NotFound();
        var digest = await queries.DigestAsync(found.Person, cancellationToken);
        var assigned = await queries.ActionsAsync(digest, page, pageSize, cancellationToken);
        var site = SiteUri.Of(request);
        var now = await queries.StandingsAsync(cancellationToken);
        var p = digest.Person;
        var actions = assigned.Items.Select(a =>
        {
            var chain = digest.Chains[a.Id];
            var (age, state) = PersonQueries.Judge(chain, now);
            return new PersonActionResponse(
                a.Text, a.TeamKey, a.Time, chain.First.Time, age, chain.CarriedOver, state.Name(), [.. a.Owners.Select(o => o.Name)],
                Links.Absolute(site, Links.Item(a.MeetingId, a.Number)));
        }).ToList();
        return TypedResults.Ok(new PersonDetailResponse(
            p.Name, p.Aliases, p.Meetings, p.Lines, digest.ActionIds.Count, digest.IdeaIds.Count, p.LastSeen,
            [.. digest.Teams.Select(t => new PersonTeamResponse(t.Key, t.Name, t.Meetings, t.Lines, t.LastSeen, Links.Absolute(site, Links.Team(t.Key))))],
            Links.Absolute(site, Links.Person(p.Name)), Links.Absolute(site, Links.PersonFeed(p.Name)),
            new PageOf<PersonActionResponse>(actions, assigned.Page, assigned.PageSize, assigned.Total)));
    }
}

public sealed record PersonResponse(string Name, IReadOnlyList<string> Aliases, int Meetings, int Lines, DateTimeOffset? LastSeen, string Url);

public sealed record PersonDetailResponse(
    string Name,
    IReadOnlyList<string> Aliases,
    int Meetings,
    int Lines,
    int Actions,
    int Ideas,
    DateTimeOffset? LastSeen,
    IReadOnlyList<PersonTeamResponse> Teams,
    string Url,
    string AtomFeed,
    PageOf<PersonActionResponse> ActionsPage);

public sealed record PersonTeamResponse(string Key, string Name, int Meetings, int Lines, DateTimeOffset LastSeen, string Url);

/// <summary>An action chain the person owns: its latest occurrence (<see cref="Time"/>, <see cref="Url"/>) and its state (ADR 9).</summary>
public sealed record PersonActionResponse(
    string Text,
    string Team,
    DateTimeOffset Time,
    DateTimeOffset FirstRaised,
    int AgeDays,
    int CarriedOver,
    string State,
    IReadOnlyList<string> Owners,
    string Url);
