using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Caching;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Tests.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Site;

/// <summary>
/// The page cache (issue 14): anonymous pages come from memory (an answer from the cache carries an Age header) until
/// a change that shows on them evicts them, and only those; a revisit with the validators is a 304; a signed-in page
/// is never a shared one. (Events change what pages show: this class has its own site.)
/// </summary>
public sealed class PageCacheTests(AccountsSite site) : IClassFixture<AccountsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_revisit_of_each_cached_page_is_a_304_by_its_etag_or_its_date()
    {
        using var client = await site.ClientAsync("anonymous");
        foreach (var path in await PathsAsync())
        {
            using var first = await GetAsync(client, path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.True(etag is { IsWeak: false }, $"{path}: a strong ETag");
            Assert.NotNull(first.Content.Headers.LastModified);
            Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());

            using var byTag = await GetAsync(client, path, r => r.Headers.IfNoneMatch.Add(etag!));
            Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
            Assert.Empty(await byTag.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(etag, byTag.Headers.ETag);

            using var byDate = await GetAsync(client, path, r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified);
            Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);

            using var other = await GetAsync(client, path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.NotNull(other.Headers.Age);
            Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await other.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task An_event_shows_on_the_next_request_and_evicts_only_the_pages_that_show_it()
    {
        var chain = (await site.OwnedChainsAsync())[^1];
        var (teamKey, meetingId, otherMeetingId, ownerName) = await AroundAsync(chain);
        using var anonymous = await site.ClientAsync("anonymous");
        string[] showing = ["/" + Links.Action(chain), "/" + Links.Team(teamKey), "/" + Links.Person(ownerName), "/", "/actions"];
        string[] notShowing = ["/" + Links.Meeting(meetingId), "/" + Links.Meeting(otherMeetingId), "/api/meetings/" + meetingId.ToString(CultureInfo.InvariantCulture) + "/log"];
        foreach (var path in showing.Concat(notShowing)) await CachedAsync(anonymous, path);

        using var owner = await site.ClientAsync("owner");
        using (var posted = await site.PostJsonAsync(owner, $"/api/actions/{chain}/events", new { state = "need-help", note = "page cache test" }))
        {
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        foreach (var path in showing)
        {
            using var response = await GetAsync(anonymous, path);
            Assert.True(response.Headers.Age is null, $"{path} was evicted");
        }

        Assert.Contains("page cache test", await anonymous.GetStringAsync(new Uri("/" + Links.Action(chain), UriKind.Relative), Ct), StringComparison.Ordinal);
        foreach (var path in notShowing)
        {
            using var response = await GetAsync(anonymous, path);
            Assert.True(response.Headers.Age is not null, $"{path} was kept");
        }
    }

    [Fact]
    public async Task An_event_another_process_wrote_shows_after_the_next_look()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        var path = "/" + Links.Action(chain);
        using var anonymous = await site.ClientAsync("anonymous");
        await CachedAsync(anonymous, path);

        // Written as the command line or another node would: a context of its own, without this host's interceptors.
        await using (var other = TestDatabase.Open(site.Host.DataDir))
        {
            other.AccountabilityEvents.Add(new AccountabilityEvent
            {
                Subject = EventSubject.Action, SubjectId = chain, Kind = EventKind.Comment, At = TimeProvider.System.GetUtcNow(),
                AccountId = site.AccountIds["owner"], Note = "said on another node",
            });
            await other.SaveChangesAsync(Ct);
        }

        // What the host's look every second does.
        await site.Site.Services.GetRequiredService<PageCacheEviction>().CatchUpAsync(Ct);
        using var response = await GetAsync(anonymous, path);
        Assert.Null(response.Headers.Age);
        Assert.Contains("said on another node", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_page_is_never_the_shared_one_nor_shared()
    {
        var team = "/" + Links.Team(site.TeamKey);
        using var anonymous = await site.ClientAsync("anonymous");
        await CachedAsync(anonymous, team);
        using var user = await site.ClientAsync("user");
        using var other = await site.ClientAsync("other");

        foreach (var (client, name) in new[] { (user, "user"), (other, "other") })
        {
            for (var i = 0; i < 2; i++)
            {
                using var response = await GetAsync(client, team);
                var html = await response.Content.ReadAsStringAsync(Ct);
                Assert.Null(response.Headers.Age);
                Assert.False(response.Headers.CacheControl?.Public, "not for shared caches");
                Assert.True(response.Headers.CacheControl is { Private: true } or { NoStore: true }, "kept by the browser alone, if at all");
                Assert.Equal(name, ShownAccount(html));
            }
        }

        using var again = await GetAsync(anonymous, team);
        Assert.NotNull(again.Headers.Age);
        Assert.Null(ShownAccount(await again.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task An_alias_edit_evicts_every_page()
    {
        var (_, meetingId, _, _) = await AroundAsync((await site.OwnedChainsAsync())[0]);
        var path = "/" + Links.Meeting(meetingId);
        using var anonymous = await site.ClientAsync("anonymous");
        await CachedAsync(anonymous, path);
        using var admin = await site.ClientAsync("admin");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["nick"] = site.FreeNick, ["person"] = site.FreeNick, ["__RequestVerificationToken"] = await site.FormTokenAsync(admin, "/admin"),
        });
        using (var posted = await admin.PostAsync(new Uri("/admin/aliases/person", UriKind.Relative), form, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        using var response = await GetAsync(anonymous, path);
        Assert.Null(response.Headers.Age);
    }

    /// <summary>The name the header's account link shows (null: nobody signed in).</summary>
    private static string? ShownAccount(string html)
        => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(".account-menu a[title='Your account']")?.TextContent;

    private async Task<List<string>> PathsAsync()
    {
        var (teamKey, meetingId, _, ownerName) = await AroundAsync((await site.OwnedChainsAsync())[0]);
        var id = meetingId.ToString(CultureInfo.InvariantCulture);
        return ["/" + Links.Meeting(meetingId), "/api/meetings/" + id + "/log", "/" + Links.Team(teamKey), "/" + Links.Person(ownerName), "/", "/actions", "/search?q=meeting", "/api/actions"];
    }

    /// <summary>The chain's team, one of its meetings, a meeting of another team (or another meeting), and its owner's page name.</summary>
    private async Task<(string Team, int Meeting, int OtherMeeting, string Owner)> AroundAsync(int chain)
    {
        await using var db = site.Db();
        var item = await db.Items.Where(i => i.Id == chain).Select(i => new { i.MeetingId, i.Meeting!.TeamId, i.Meeting.Team!.Key }).SingleAsync(Ct);
        var other = await db.Meetings.Where(m => m.TeamId != item.TeamId).Select(m => (int?)m.Id).FirstOrDefaultAsync(Ct)
            ?? await db.Meetings.Where(m => m.Id != item.MeetingId).Select(m => m.Id).FirstAsync(Ct);
        var owner = await db.People.Where(p => p.Id == site.OwnerPersonId).Select(p => p.Name).SingleAsync(Ct);
        return (item.Key, item.MeetingId, other, owner);
    }

    /// <summary>Asks twice: the second answer must come from the cache.</summary>
    private static async Task CachedAsync(HttpClient client, string path)
    {
        using (var first = await GetAsync(client, path))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await GetAsync(client, path);
        Assert.True(second.Headers.Age is not null, $"{path} comes from the cache");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        change?.Invoke(request);
        return await client.SendAsync(request, Ct);
    }
}

/// <summary>A harvest evicts the pages of the meetings it read, their teams and people, and keeps the rest.</summary>
public sealed class PageCacheHarvestTests
{
    [Fact]
    public async Task A_new_meeting_shows_on_its_team_page_at_once_and_other_teams_meetings_stay_cached()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new TrackerHost();
        using var client = host.CreateClient();
        await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, ct);
        await using var db = host.Db();
        var last = await db.Meetings.OrderByDescending(m => m.StartedAt).Select(m => new { m.Id, m.TeamId, m.Team!.Key, m.Folder, m.MeetingKey, m.StartedAt }).FirstAsync(ct);
        var elsewhere = await db.Meetings.Where(m => m.TeamId != last.TeamId).Select(m => m.Id).FirstAsync(ct);
        var team = "/" + Links.Team(last.Key);
        string[] cached = [team, "/" + Links.Meeting(last.Id), "/" + Links.Meeting(elsewhere)];
        foreach (var path in cached)
        {
            await client.GetAsync(new Uri(path, UriKind.Relative), ct);
            using var again = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
            Assert.NotNull(again.Headers.Age);
        }

        // The team meets again a week later: the same log under the next week's date.
        var day = last.StartedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var next = last.StartedAt.UtcDateTime.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var log = Path.Combine(host.LogsDir, last.Folder, last.MeetingKey + ".log.txt");
        var copy = Path.Combine(host.LogsDir, last.Folder.Replace(day, next, StringComparison.Ordinal), last.MeetingKey.Replace(day, next, StringComparison.Ordinal) + ".log.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(log, copy);
        await host.HarvestNowAsync(ct);
        var added = await db.Meetings.Where(m => m.MeetingKey == last.MeetingKey.Replace(day, next)).Select(m => m.Id).SingleAsync(ct);

        using (var teamPage = await client.GetAsync(new Uri(team, UriKind.Relative), ct))
        {
            Assert.Null(teamPage.Headers.Age);
            Assert.Contains(Links.Meeting(added) + "\"", await teamPage.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        // The team's last meeting now has a next one; another team's meeting did not change.
        using (var previous = await client.GetAsync(new Uri("/" + Links.Meeting(last.Id), UriKind.Relative), ct))
        {
            Assert.Null(previous.Headers.Age);
            Assert.Contains(Links.Meeting(added), await previous.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using var kept = await client.GetAsync(new Uri("/" + Links.Meeting(elsewhere), UriKind.Relative), ct);
        Assert.NotNull(kept.Headers.Age);
    }
}
