using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Ical.Net;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Calendar = Ical.Net.Calendar;

namespace MeetingTracker.Web.Tests.Feeds;

public sealed class FeedTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_all_meetings_feed_is_atom_with_the_newest_meetings_and_absolute_links()
    {
        var feed = await AtomAsync("/feeds/meetings.atom");

        await using var db = site.Host.Db();
        var newest = await db.Meetings.OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id).Take(50).Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(newest.Select(id => $"http://localhost/meetings/{id}"), feed.Items.Select(i => i.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString()));
        Assert.Equal("http://localhost/feeds/meetings.atom", feed.Links.Single(l => l.RelationshipType == "self").Uri.ToString());
        Assert.All(feed.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Title.Text)));
    }

    [Fact]
    public async Task A_team_feed_has_its_meetings_with_topics_and_actions_in_the_summary()
    {
        var (team, meetings) = await TeamAsync();
        var feed = await AtomAsync($"/feeds/teams/{team}.atom");

        Assert.Equal(meetings.Count, feed.Items.Count());
        var meeting = meetings[0];
        var entry = feed.Items.Single(i => i.Id == $"http://localhost/meetings/{meeting.Id}");
        var summary = ((TextSyndicationContent)entry.Summary).Text;
        Assert.All(meeting.Topics, t => Assert.Contains("- " + t, summary, StringComparison.Ordinal));
        Assert.All(meeting.Actions, a => Assert.Contains("- " + a, summary, StringComparison.Ordinal));
        Assert.Equal(meeting.EndedAt ?? meeting.ReadAt, entry.LastUpdatedTime);
    }

    [Fact]
    public async Task A_person_feed_has_the_meetings_they_attended()
    {
        await using var db = site.Host.Db();
        var ct = TestContext.Current.CancellationToken;
        var person = await db.People.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync(ct);
        var attended = await db.Attendance.Where(a => a.PersonId == person.Id).Select(a => a.MeetingId).Distinct().CountAsync(ct);

        var feed = await AtomAsync($"/feeds/people/{Uri.EscapeDataString(person.Name)}.atom");
        var byNick = await AtomAsync($"/feeds/people/{Uri.EscapeDataString(person.Name.ToUpperInvariant())}.atom");

        Assert.True(attended > 0);
        Assert.Equal(Math.Min(attended, 50), feed.Items.Count());
        Assert.Equal(feed.Items.Select(i => i.Id), byNick.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_team_calendar_has_one_event_per_meeting_in_utc_with_stable_uids()
    {
        var (team, meetings) = await TeamAsync();
        using var response = await site.Client.GetAsync(new Uri($"/feeds/teams/{team}.ics", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var again = await site.GetPageAsync($"/feeds/teams/{team}.ics");

        var calendar = Calendar.Load(text)!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(meetings.Count, events.Count);
        Assert.Equal(meetings.OrderBy(m => m.StartedAt).Select(m => $"meeting-{m.Id}@localhost"), events.Select(e => e.Uid));
        Assert.Equal(meetings.OrderBy(m => m.StartedAt).Select(m => m.StartedAt.UtcDateTime), events.Select(e => e.DtStart!.AsUtc));
        Assert.All(events, e => Assert.True(e.DtStart!.IsUtc));
        Assert.All(events, e => Assert.StartsWith("http://localhost/meetings/", e.Url!.ToString(), StringComparison.Ordinal));
        Assert.Equal(text, again);
    }

    [Theory]
    [InlineData("/feeds/teams/no-such-team.atom")]
    [InlineData("/feeds/teams/no-such-team.ics")]
    [InlineData("/feeds/people/no-such-person.atom")]
    public async Task Unknown_teams_and_people_are_not_found(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record TeamMeeting(int Id, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, DateTimeOffset ReadAt, List<string> Topics, List<string> Actions);

    // The team of the first generated meeting, with its meetings newest first.
    private async Task<(string Team, List<TeamMeeting> Meetings)> TeamAsync()
    {
        await using var db = site.Host.Db();
        var ct = TestContext.Current.CancellationToken;
        var team = await db.Teams.OrderBy(t => t.Id).Select(t => new { t.Id, t.Key }).FirstAsync(ct);
        var meetings = await db.Meetings.AsSplitQuery().Where(m => m.TeamId == team.Id)
            .OrderByDescending(m => m.StartedAt)
            .Select(m => new TeamMeeting(
                m.Id, m.StartedAt, m.EndedAt, m.ReadAt,
                m.Topics.OrderBy(t => t.Ordinal).Select(t => t.Title).ToList(),
                m.Items.Where(i => i.Kind == ItemKind.Action && i.RemovedAt == null).OrderBy(i => i.Ordinal).Select(i => i.Text).ToList()))
            .ToListAsync(ct);
        return (team.Key, meetings);
    }

    private async Task<SyndicationFeed> AtomAsync(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = true });
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}
