using System.Text.RegularExpressions;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using MeetingTracker.Tests.Servers;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace MeetingTracker.Web.Tests.Storage;

/// <summary>
/// Issue 16: an installation with accounts, claims and what people said about actions, copied by <c>copy-data</c> to the
/// other engine (SQLite to PostgreSQL in the SQLite pass, PostgreSQL to SQLite in the PostgreSQL pass) and served by a
/// second host on the copy, serves the same pages: home, team, person, meeting, action, search, the actions API.
/// </summary>
public sealed partial class CopiedInstallationTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_copied_installation_serves_the_same_pages_on_the_other_engine()
    {
        await using var site = new AccountsSite();
        await site.InitializeAsync();
        var chain = (await site.OwnedChainsAsync())[0];
        await using (var db = site.Db())
        {
            db.AccountabilityEvents.Add(new AccountabilityEvent
            {
                Subject = EventSubject.Action, SubjectId = chain, Kind = EventKind.Comment, At = TimeProvider.System.GetUtcNow(),
                AccountId = site.AccountIds["owner"], Note = "copied with the rest",
            });
            await db.SaveChangesAsync(Ct);
        }

        string team, person;
        int meeting;
        await using (var db = site.Db())
        {
            team = await db.Teams.OrderBy(t => t.Id).Select(t => t.Key).FirstAsync(Ct);
            person = await db.People.OrderBy(p => p.Id).Select(p => p.Name).FirstAsync(Ct);
            meeting = await db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(Ct);
        }

        string[] paths = ["/", "/" + Links.Team(team), "/" + Links.Person(person), "/" + Links.Meeting(meeting), "/" + Links.Action(chain), "/search?q=mirror", "/api/actions", "/api/meetings"];
        using var anonymous = site.Site.CreateClient();
        var before = await PagesAsync(anonymous, paths);

        var original = TestDatabase.For(site.Host.DataDir);
        var copy = original.IsPostgreSql
            ? new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = StorageSetup.SqliteConnectionString(Path.Combine(site.Host.Root, "copy.db")) }
            : postgres.NewDatabase();
        var copied = await DataCopy.CopyAsync(original.IsPostgreSql ? original : DatabaseOptions.Parse("sqlite:" + site.Host.DataDir), copy, 500, null, Ct);
        Assert.True(copied.Verified);

        // A second host on the copy, over the same logs (its last harvest is the copied one: nothing to harvest), with a
        // search index of its own rebuilt from the copy.
        await using var second = new TrackerHost(site.Host.Logs)
            .With("MeetingTracker:Database:Provider", copy.Provider.ToString())
            .With("MeetingTracker:Database:ConnectionString", copy.ConnectionString)
            .With("MeetingTracker:Sources:0:Location", site.Host.LogsDir)
            .With("MeetingTracker:Admins:0", "admin@example.org");
        using var client = second.CreateClient();
        await IndexedAsync(client, before["/search?q=mirror"]);
        var after = await PagesAsync(client, paths);

        Assert.Contains("copied with the rest", before["/" + Links.Action(chain)], StringComparison.Ordinal);
        foreach (var path in paths)
        {
            Assert.True(before[path] == after[path], $"{path} differs on the copy:\n{Diff(before[path], after[path])}");
        }

        await using var originalDb = site.Db();
        await using var copyDb = second.Db();
        Assert.NotEqual(0, await copyDb.Users.CountAsync(Ct));
        Assert.Equal(await originalDb.Users.CountAsync(Ct), await copyDb.Users.CountAsync(Ct));
        Assert.Equal(await originalDb.NickClaims.CountAsync(Ct), await copyDb.NickClaims.CountAsync(Ct));
        Assert.Equal(await originalDb.AccountabilityEvents.CountAsync(Ct), await copyDb.AccountabilityEvents.CountAsync(Ct));
    }

    /// <summary>
    /// Waits until the copy's search page is the original's (its index is rebuilt from the copy at start); a bound,
    /// never a speed.
    /// </summary>
    private static async Task IndexedAsync(HttpClient client, string expected)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await PagesAsync(client, ["/search?q=mirror"]))["/search?q=mirror"] != expected)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(180), "the copy's search page is not the original's after 180 s");
            await Task.Delay(250, Ct);
        }
    }

    private static async Task<Dictionary<string, string>> PagesAsync(HttpClient client, string[] paths)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
            pages[path] = Normalised(await response.Content.ReadAsStringAsync(Ct));
        }

        return pages;
    }

    /// <summary>
    /// What differs between two hosts by design, not by data: antiforgery tokens (each host's keys sign its own) and
    /// the stylesheet's fingerprint query, nothing else.
    /// </summary>
    private static string Normalised(string page) => Antiforgery().Replace(page, "$1…\"");

    private static string Diff(string a, string b)
    {
        var i = 0;
        while (i < Math.Min(a.Length, b.Length) && a[i] == b[i]) i++;
        var from = Math.Max(0, i - 200);
        return $"original: …{a[from..Math.Min(a.Length, i + 200)]}…\ncopy:     …{b[from..Math.Min(b.Length, i + 200)]}…";
    }

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]*\"")]
    private static partial Regex Antiforgery();
}
