using MeetingTracker.Core.Projects;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Projects;
using MeetingTracker.Web.Feeds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of projects: the repositories and trackers mentioned, and one with its tickets and mentions.</summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/projects", ListAsync).WithName("ListProjects").CacheOutput(Caching.PageCacheSetup.ListPolicyName)
            .WithSummary("Every repository and tracker the meetings mention (key: host and path, lower case, without scheme), with how many meetings mentioned it and how many of its tickets; most mentioned first.");
        api.MapGet("/projects/{**key}", GetAsync).WithName("GetProject").CacheOutput(Caching.PageCacheSetup.ListPolicyName)
            .WithSummary("One project by its key (slashes as they are): its tickets, and every item or message that mentions it or one of them, newest first; ?ticket=N keeps those of one ticket.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ProjectResponse>>> ListAsync(ProjectQueries queries, CancellationToken cancellationToken)
    {
        var all = await queries.AllAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ProjectResponse>>([.. all.Select(p => new ProjectResponse(p.Key, ProjectReference.Name(p.Kind), p.Url, p.Meetings, p.Tickets))]);
    }

    private static async Task<Results<Ok<ProjectDetailResponse>, NotFound>> GetAsync(
        string key, string? ticket, HttpRequest request, ProjectQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(key, cancellationToken) is not { } detail) return TypedResults.NotFound();
        var wanted = ticket?.TrimStart('#');
        if (wanted is not null && !detail.Tickets.Any(t => string.Equals(t.Ticket, wanted, StringComparison.Ordinal))) return TypedResults.NotFound();
        var site = SiteUri.Of(request);
        var s = detail.Summary;
        var tickets = detail.Tickets.Where(t => wanted is null || string.Equals(t.Ticket, wanted, StringComparison.Ordinal))
            .Select(t => new ProjectTicketResponse(t.Ticket, ProjectReference.Name(t.Kind), t.Url, t.Meetings, t.First, t.Last, Links.Absolute(site, Links.ProjectTicket(s.Key, t.Ticket))))
            .ToList();
        var mentions = detail.Mentions.Where(r => wanted is null || r.Tickets.Contains(wanted))
            .Select(r => new ProjectMentionResponse(
                r.MeetingId, r.Meeting, r.TeamKey, r.StartedAt, r.Line, r.Kind is { } k ? k.ToString().ToLowerInvariant() : "said", r.ItemNumber, r.Nick, r.Text, r.Tickets,
                Links.Absolute(site, r.ItemNumber is { } n ? Links.Item(r.MeetingId, n) : r.Line is { } l ? Links.LogLine(r.MeetingId, l) : Links.Meeting(r.MeetingId))))
            .ToList();
        return TypedResults.Ok(new ProjectDetailResponse(s.Key, ProjectReference.Name(s.Kind), s.Url, s.Meetings, Links.Absolute(site, Links.Project(s.Key)), tickets, mentions));
    }
}

/// <summary>One project (the contract of GET /api/projects): <c>kind</c> is repository or tracker; <c>tickets</c> counts its tickets mentioned.</summary>
public sealed record ProjectResponse(string Key, string Kind, string Url, int Meetings, int Tickets);

/// <summary>GET /api/projects/{key}.</summary>
public sealed record ProjectDetailResponse(
    string Key,
    string Kind,
    string Url,
    int Meetings,
    string Page,
    IReadOnlyList<ProjectTicketResponse> Tickets,
    IReadOnlyList<ProjectMentionResponse> Mentions);

/// <summary>A ticket of a project: <c>kind</c> is issue, pull-request or bug.</summary>
public sealed record ProjectTicketResponse(string Ticket, string Kind, string Url, int Meetings, DateTimeOffset First, DateTimeOffset Last, string Page);

/// <summary>
/// Where the project was mentioned: <c>kind</c> is the item's (action, idea, agreed, info, ...) or <c>said</c> for a
/// message with no item; <c>tickets</c> the tickets it named (empty: the project itself); <c>url</c> the item or log line.
/// </summary>
public sealed record ProjectMentionResponse(
    int Meeting,
    string MeetingTitle,
    string Team,
    DateTimeOffset StartedAt,
    int? Line,
    string Kind,
    int? Item,
    string Nick,
    string Text,
    IReadOnlyList<string> Tickets,
    string Url);
