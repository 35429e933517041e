using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Meetings;
using MeetingTracker.Web.Feeds;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Api;

/// <summary>The /api routes of meetings: the list (newest first), one meeting with its minutes, its log in pages.</summary>
public static class MeetingsApi
{
    /// <summary>Log pages are larger than other lists: a line is small and a whole meeting usually fits in one or two.</summary>
    public const int LogDefaultSize = 200;

    public const int LogMaxSize = 1000;

    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/meetings", ListAsync).WithName("ListMeetings").CacheOutput(Caching.PageCacheSetup.ListPolicyName)
            .WithSummary("Meetings, newest first; team filters by team key (404 for an unknown team).");
        api.MapGet("/meetings/{id:int}", GetAsync).WithName("GetMeeting").CacheOutput(Caching.PageCacheSetup.PolicyName)
            .WithSummary("One meeting with its topics, items (with owners) and attendance; not its log.");
        api.MapGet("/meetings/{id:int}/log", LogAsync).WithName("GetMeetingLog").CacheOutput(Caching.PageCacheSetup.PolicyName)
            .WithSummary($"A meeting's log lines in order, paged (pageSize up to {LogMaxSize}, default {LogDefaultSize}).");
        return api;
    }

    private static async Task<Results<Ok<PageOf<MeetingListItem>>, NotFound>> ListAsync(
        string? team, int? page, int? pageSize, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = db.Meetings.AsNoTracking();
        if (!string.IsNullOrEmpty(team))
        {
            var teamId = await db.Teams.Where(t => t.Key == team).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
            if (teamId is null) return TypedResults.NotFound();
            meetings = meetings.Where(m => m.TeamId == teamId);
        }

        var rows = await meetings
            .OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .Select(m => new MeetingListItem(
                m.Id, m.MeetingKey, m.Team!.Key, m.Team.Name, m.Title, m.StartedAt, m.EndedAt, m.LineCount,
                m.Items.Count(i => i.Kind == ItemKind.Action && i.RemovedAt == null),
                m.Items.Count(i => i.Kind == ItemKind.Idea && i.RemovedAt == null),
                string.Empty))
            .ToPageAsync(page, pageSize, cancellationToken);
        var site = SiteUri.Of(request);
        var items = rows.Items.Select(r => r with { Url = Links.Absolute(site, Links.Meeting(r.Id)) }).ToList();
        return TypedResults.Ok(new PageOf<MeetingListItem>(items, rows.Page, rows.PageSize, rows.Total));
    }

    private static async Task<Results<Ok<MeetingResponse>, NotFound>> GetAsync(
        int id, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await MeetingQueries.DetailsAsync(db, id, cancellationToken) is not { } details) return TypedResults.NotFound();
        Caching.PageTags.Add(request.HttpContext, Caching.PageTags.Meeting(id));
        var site = SiteUri.Of(request);
        return TypedResults.Ok(MeetingResponse.From(details, Links.Absolute(site, Links.Meeting(id)), Links.Absolute(site, $"api/meetings/{id}/log")));
    }

    private static async Task<Results<Ok<PageOf<LineEntry>>, NotFound>> LogAsync(
        int id, int? page, int? pageSize, HttpContext context, IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken)) return TypedResults.NotFound();
        Caching.PageTags.Add(context, Caching.PageTags.Meeting(id));
        var (p, size) = (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? LogDefaultSize, 1, LogMaxSize));
        var total = await db.Lines.CountAsync(l => l.MeetingId == id, cancellationToken);
        var lines = await MeetingQueries.LinesAsync(db, id, (p - 1) * size, size, cancellationToken);
        return TypedResults.Ok(new PageOf<LineEntry>(lines, p, size, total));
    }
}
