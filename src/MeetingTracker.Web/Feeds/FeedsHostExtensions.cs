using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Feeds;

/// <summary>
/// Atom feeds of meetings (all, per team, per person; a team's with its state changes), of what people said about one
/// action or idea, and an iCalendar feed per team, under /feeds. Nothing is cached: what people said is read from the
/// <see cref="EventLedger"/> on every request (a seek that finds nothing on most), so a change shows on the next one.
/// </summary>
public static class FeedsHostExtensions
{
    public static void MapFeeds(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Every feed changes with harvests or events somewhere on the site: kept as lists are (evicted by any of them).
        var feeds = app.MapGroup("/feeds").ExcludeFromDescription().CacheOutput(Caching.PageCacheSetup.ListPolicyName);
        feeds.MapGet("/meetings.atom", AllAsync).WithName("AllMeetingsFeed");
        feeds.MapGet("/teams/{key}.atom", TeamAsync).WithName("TeamFeed");
        feeds.MapGet("/teams/{key}.ics", TeamCalendarAsync).WithName("TeamCalendar");
        feeds.MapGet("/people/{name}.atom", PersonAsync).WithName("PersonFeed");
        feeds.MapGet("/actions/{id:int}.atom", ActionAsync).WithName("ActionFeed");
        feeds.MapGet("/ideas/{id:int}.atom", IdeaAsync).WithName("IdeaFeed");
    }

    private static async Task<AtomFeedResult> AllAsync(HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = await FeedQueries.NewestAsync(db, db.Meetings, FeedQueries.AtomEntries, cancellationToken);
        return new AtomFeedResult(AtomFeeds.Build(SiteUri.Of(request), Links.AllMeetingsFeed, Links.Home, "MeetingTracker: latest meetings", meetings, clock.GetUtcNow()));
    }

    private static async Task<Results<AtomFeedResult, NotFound>> TeamAsync(
        string key, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, ActionStandings standings, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (team is null) return TypedResults.NotFound();
        var meetings = await FeedQueries.NewestAsync(db, db.Meetings.Where(m => m.TeamId == team.Id), FeedQueries.AtomEntries, cancellationToken);
        var changes = EventFeeds.TeamChanges(await standings.ReadAsync(cancellationToken), team.Id).Take(FeedQueries.AtomEntries).ToList();
        var names = await OwnerResolver.LoadAsync(db, changes.Select(c => new OwnerRef(c.Event.AccountId, null)), cancellationToken);
        var site = SiteUri.Of(request);
        return new AtomFeedResult(AtomFeeds.Build(
            site, Links.TeamFeed(team.Key), Links.Team(team.Key), $"MeetingTracker: meetings of {team.Name}", meetings, clock.GetUtcNow(),
            [.. changes.Select(c => EventFeeds.Entry(site, c.Page, c.Event, names, c.About))]));
    }

    private static async Task<Results<AtomFeedResult, NotFound>> ActionAsync(
        int id, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, ActionStandings standings, CancellationToken cancellationToken)
    {
        if ((await standings.ReadAsync(cancellationToken)).Find(id) is not { } action) return TypedResults.NotFound();
        var title = $"MeetingTracker: action {action.Chain.Text}";
        return await SubjectFeedAsync(request, dbFactory, Links.ActionFeed(id), Links.Action(id), title, action.Chain.Latest.Time, action.Record.Events, cancellationToken);
    }

    private static async Task<Results<AtomFeedResult, NotFound>> IdeaAsync(
        int id, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, ActionStandings standings, CancellationToken cancellationToken)
    {
        var now = await standings.ReadAsync(cancellationToken);
        if (now.Snapshot.Idea(id) is not { } trail) return TypedResults.NotFound();
        var title = $"MeetingTracker: idea {trail.Idea.Text}";
        return await SubjectFeedAsync(request, dbFactory, Links.IdeaFeed(id), Links.Idea(id), title, trail.Idea.Time, now.Ledger.Idea(id).Events, cancellationToken);
    }

    // One entry per event of the action or idea, newest first; with none, the feed is as old as the subject.
    private static async Task<AtomFeedResult> SubjectFeedAsync(
        HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, string selfPath, string pagePath, string title, DateTimeOffset since,
        IReadOnlyList<AccountabilityEvent> events, CancellationToken cancellationToken)
    {
        var newest = events.Reverse().Take(FeedQueries.AtomEntries).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await OwnerResolver.LoadAsync(db, newest.Select(e => new OwnerRef(e.AccountId, null)), cancellationToken);
        var site = SiteUri.Of(request);
        return new AtomFeedResult(EventFeeds.Build(site, selfPath, pagePath, title, since, newest.Select(e => EventFeeds.Entry(site, pagePath, e, names))));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> TeamCalendarAsync(
        string key, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (team is null) return TypedResults.NotFound();
        var meetings = await FeedQueries.NewestAsync(db, db.Meetings.Where(m => m.TeamId == team.Id), FeedQueries.CalendarEvents, cancellationToken);
        return TypedResults.Text(MeetingCalendar.Build(SiteUri.Of(request), team.Name, meetings), MeetingCalendar.ContentType, System.Text.Encoding.UTF8);
    }

    private static async Task<Results<AtomFeedResult, NotFound>> PersonAsync(
        string name, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FeedQueries.PersonAsync(db, name, cancellationToken) is not { } person) return TypedResults.NotFound();
        var attended = db.Attendance.Where(a => a.PersonId == person.Id).Select(a => a.MeetingId);
        var meetings = await FeedQueries.NewestAsync(db, db.Meetings.Where(m => attended.Contains(m.Id)), FeedQueries.AtomEntries, cancellationToken);
        return new AtomFeedResult(AtomFeeds.Build(
            SiteUri.Of(request), Links.PersonFeed(person.Name), Links.Person(person.Name), $"MeetingTracker: meetings {person.Name} attended", meetings, clock.GetUtcNow()));
    }
}
