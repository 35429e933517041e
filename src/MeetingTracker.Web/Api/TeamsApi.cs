using MeetingTracker.Core.Topics;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Teams;
using MeetingTracker.Web.Feeds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of teams: the list with counts, and one team with a page of its meetings.</summary>
public static class TeamsApi
{
    public static RouteGroupBuilder MapTeamsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/teams", ListAsync).WithName("ListTeams").CacheOutput(Caching.PageCacheSetup.ListPolicyName)
            .WithSummary("Every team with its meeting, people and action counts, the most recently active first.");
        api.MapGet("/teams/{key}", GetAsync).WithName("GetTeam")
            .WithSummary("One team (by key, or by an alias: the answer carries the key) with a page of its meetings, newest first.");
        api.MapGet("/teams/{key}/agenda", AgendaAsync).WithName("GetTeamAgenda").CacheOutput(Caching.PageCacheSetup.PolicyName)
            .WithSummary("The agenda of the team's next meeting: ?format=meetbot (commands to paste into the channel), markdown or text; without a format, as JSON.");
        api.MapGet("/teams/{key}/topics", TopicsAsync).WithName("ListTeamTopics").CacheOutput(Caching.PageCacheSetup.PolicyName)
            .WithSummary("The team's topics (#topic titles with numbering, dates, case and punctuation aside): how many meetings discussed each, first and last time, and whether it is a routine item of the team's meetings; most recently discussed first.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<TeamResponse>>> ListAsync(HttpRequest request, TeamQueries queries, CancellationToken cancellationToken)
    {
        var site = SiteUri.Of(request);
        var teams = await queries.AllAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TeamResponse>>([.. teams.Select(t => new TeamResponse(
            t.Key, t.Name, t.Meetings, t.FirstMeeting, t.LastMeeting, t.People, t.Actions, t.RecentActions,
            Links.Absolute(site, Links.Team(t.Key)),
            t.LastMeetingId is { } id ? Links.Absolute(site, Links.Meeting(id)) : null))]);
    }

    private static async Task<Results<Ok<IReadOnlyList<TopicResponse>>, NotFound>> TopicsAsync(
        string key, HttpContext context, TeamQueries queries, TopicQueries topics, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(key, cancellationToken) is not { } team) return TypedResults.NotFound();
        if (await queries.DigestAsync(team.Id, cancellationToken) is not { } digest) return TypedResults.NotFound();
        Caching.PageTags.Add(context, Caching.PageTags.Team(digest.Header.Key));
        var all = await topics.TopicsAsync(team.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TopicResponse>>([.. all.Select(t => new TopicResponse(t.Slug, t.Title, t.Meetings.Count, t.First, t.Last, t.Routine))]);
    }

    private static async Task<Results<Ok<Agenda>, ContentHttpResult, NotFound, ProblemHttpResult>> AgendaAsync(
        string key, string? format, HttpContext context, TeamQueries queries, AgendaReader reader, CancellationToken cancellationToken)
    {
        var chosen = AgendaWriter.ParseFormat(format);
        if (format is not null && chosen is null)
        {
            return TypedResults.Problem($"format '{format}' is not one of meetbot, markdown, text", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await queries.FindAsync(key, cancellationToken) is not { } team) return TypedResults.NotFound();
        Caching.PageTags.Add(context, Caching.PageTags.Team(team.Key), Caching.PageTags.TeamAccountability(team.Key));
        var agenda = await reader.ReadAsync(team.Id, SiteUri.Of(context.Request), cancellationToken);
        if (chosen is not { } f) return TypedResults.Ok(agenda);
        return TypedResults.Text(AgendaWriter.Write(agenda, f), f == AgendaFormat.Markdown ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8");
    }

    private static async Task<Results<Ok<TeamDetailResponse>, NotFound>> GetAsync(
        string key, int? page, int? pageSize, HttpRequest request, TeamQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(key, cancellationToken) is not { } team) return TypedResults.NotFound();
        if (await queries.DigestAsync(team.Id, cancellationToken) is not { } digest) return TypedResults.NotFound();
        var timeline = await queries.TimelineAsync(digest.Header, page, pageSize, cancellationToken);
        var site = SiteUri.Of(request);
        var h = digest.Header;
        var meetings = timeline.Items
            .Select(m => new TeamMeetingResponse(m.Id, m.MeetingKey, m.Title, m.StartedAt, m.Topics, m.People, m.Actions, m.Ideas, Links.Absolute(site, Links.Meeting(m.Id))))
            .ToList();
        return TypedResults.Ok(new TeamDetailResponse(
            h.Key, h.Name, h.Aliases, h.Meetings, h.FirstMeeting, h.LastMeeting, digest.People.Count,
            Links.Absolute(site, Links.Team(h.Key)), Links.Absolute(site, Links.TeamFeed(h.Key)), Links.Absolute(site, Links.TeamCalendar(h.Key)),
            new PageOf<TeamMeetingResponse>(meetings, timeline.Page, timeline.PageSize, timeline.Total)));
    }
}

/// <summary>One of a team's topics (the contract of GET /api/teams/{team}/topics).</summary>
public sealed record TopicResponse(string Slug, string Title, int Meetings, DateTimeOffset First, DateTimeOffset Last, bool Routine);

public sealed record TeamResponse(
    string Key,
    string Name,
    int Meetings,
    DateTimeOffset? FirstMeeting,
    DateTimeOffset? LastMeeting,
    int People,
    int Actions,
    int ActionsLast90Days,
    string Url,
    string? LatestMeetingUrl);

public sealed record TeamDetailResponse(
    string Key,
    string Name,
    IReadOnlyList<string> Aliases,
    int Meetings,
    DateTimeOffset? FirstMeeting,
    DateTimeOffset? LastMeeting,
    int People,
    string Url,
    string AtomFeed,
    string Calendar,
    PageOf<TeamMeetingResponse> MeetingsPage);

public sealed record TeamMeetingResponse(
    int Id,
    string MeetingKey,
    string? Title,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Topics,
    int People,
    int Actions,
    int Ideas,
    string Url);
