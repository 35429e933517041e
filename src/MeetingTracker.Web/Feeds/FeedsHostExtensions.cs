using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Feeds;

/// <summary>Atom feeds of meetings (all, per team, per person) and an iCalendar feed per team, under /feeds.</summary>
public static class FeedsHostExtensions
{
    public static void MapFeeds(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feeds = app.MapGroup("/feeds").ExcludeFromDescription();
        feeds.MapGet("/meetings.atom", AllAsync).WithName("AllMeetingsFeed");
        feeds.MapGet("/teams/{key}.atom", TeamAsync).WithName("TeamFeed");
        feeds.MapGet("/teams/{key}.ics", TeamCalendarAsync).WithName("TeamCalendar");
        feeds.MapGet("/people/{name}.atom", PersonAsync).WithName("PersonFeed");
    }

    private static async Task<AtomFeedResult> AllAsync(HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = await FeedQueries.NewestAsync(db, db.Meetings, FeedQueries.AtomEntries, cancellationToken);
        return new AtomFeedResult(AtomFeeds.Build(SiteUri.Of(request), Links.AllMeetingsFeed, Links.Home, "MeetingTracker: latest meetings", meetings, clock.GetUtcNow()));
    }

    private static async Task<Results<AtomFeedResult, NotFound>> TeamAsync(
        string key, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (team is null) return TypedResults.NotFound();
        var meetings = await FeedQueries.NewestAsync(db, db.Meetings.Where(m => m.TeamId == team.Id), FeedQueries.AtomEntries, cancellationToken);
        return new AtomFeedResult(AtomFeeds.Build(
            SiteUri.Of(request), Links.TeamFeed(team.Key), Links.Team(team.Key), $"MeetingTracker: meetings of {team.Name}", meetings, clock.GetUtcNow()));
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
