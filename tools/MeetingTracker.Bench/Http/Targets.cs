using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingTracker.Core;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Http;

/// <summary>
/// What is loaded: the busiest team's page, its median-length meeting (and that meeting's <c>.log.html</c> for
/// nginx), the person who attended most, and a search for a word in about one meeting in two; since issue 15 the
/// busiest team's topics and agenda too, and the page of the project mentioned in the most meetings.
/// </summary>
public sealed record Targets(string TeamKey, int TeamMeetings, int MeetingId, string MeetingKey, int MeetingLines, string Person, int PersonMeetings, string Query, string StaticLog)
{
    /// <summary>The action chain whose page is measured: the one with the longest history of <see cref="EventSeed"/>.</summary>
    public int ActionChain { get; init; }

    /// <summary>The project whose page is measured: the first of <c>GET /api/projects</c>, the one most meetings mention (<see cref="PickProjectAsync"/>).</summary>
    public string ProjectKey { get; init; } = string.Empty;

    public int ProjectMeetings { get; init; }

    public const string SearchWord = "mirror";

    public static async Task<Targets> PickAsync(IDbContextFactory<TrackerDb> dbFactory, string tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Meetings.GroupBy(m => m.Team!.Key).Select(g => new { Key = g.Key, Count = g.Count() })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Key).FirstAsync(cancellationToken);
        var meetings = await db.Meetings.Where(m => m.Team!.Key == team.Key).OrderBy(m => m.LineCount).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.MeetingKey, m.Folder, m.LineCount }).ToListAsync(cancellationToken);
        var meeting = meetings[meetings.Count / 2];
        var person = await db.Attendance.GroupBy(a => a.PersonId).Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(p => p.Count).ThenBy(p => p.Id).FirstAsync(cancellationToken);
        var name = await db.People.Where(p => p.Id == person.Id).Select(p => p.Name).FirstAsync(cancellationToken);
        var log = meeting.Folder.Length == 0 ? meeting.MeetingKey + ".log.html" : meeting.Folder + "/" + meeting.MeetingKey + ".log.html";
        if (!File.Exists(Path.Combine(tree, log))) throw new InvalidOperationException($"no {log} under {tree}");
        return new Targets(team.Key, team.Count, meeting.Id, meeting.MeetingKey, meeting.LineCount, name, person.Count, SearchWord, log);
    }

    /// <summary>
    /// The project most meetings mention, as the site ranks them: the first entry of <c>GET /api/projects</c> of the
    /// running host; null when it lists none (a corpus without references, whose project page cannot be measured: it
    /// would be a 404).
    /// </summary>
    public static async Task<(string Key, int Meetings)?> PickProjectAsync(Uri web, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(web);
        using var client = new HttpClient();
        var url = new Uri(web, "api/projects");
        var projects = await client.GetFromJsonAsync<List<ListedProject>>(url, JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException($"GET {url}: no JSON list");
        return projects.Count == 0 ? null : (projects[0].Key, projects[0].Meetings);
    }

    /// <summary>
    /// Name, URL, the row's target (null: the baseline), whether a signed-in user asks and whether it is a revisit (the
    /// page's ETag presented: a 304), in the order measured (the URL scheme is the site's Links). The signed-in rows are
    /// the anonymous pages again with a session cookie (issue 11): the header then names the user and the page cannot
    /// come from a shared cache. Issue 14's targets for the cached pages: the meeting page at 10,000 requests/s, 0.15 of
    /// nginx's rate and p99 ≤ 10 ms; team and person pages at 5,000 requests/s; the others keep issue 5's, as do issue
    /// 15's topics, project and agenda pages (1,000 requests/s, p99 ≤ 50 ms).
    /// </summary>
    public IEnumerable<(string Name, Uri Url, RowTarget? Target, bool SignedIn, bool Revisit)> Urls(Uri web, Uri nginx)
    {
        var team = new Uri(web, "teams/" + Uri.EscapeDataString(TeamKey));
        var person = new Uri(web, "people/" + Uri.EscapeDataString(Person));
        var meeting = new Uri(web, "meetings/" + MeetingId.ToString(CultureInfo.InvariantCulture));
        yield return ("team page", team, RowTarget.Shared, false, false);
        yield return ("person page", person, RowTarget.Shared, false, false);
        yield return ("meeting page", meeting, RowTarget.Meeting, false, false);
        yield return ("team page, revisit (304)", team, RowTarget.Shared, false, true);
        yield return ("person page, revisit (304)", person, RowTarget.Shared, false, true);
        yield return ("meeting page, revisit (304)", meeting, RowTarget.Meeting, false, true);
        yield return ("search page", new Uri(web, "search?q=" + Uri.EscapeDataString(Query)), RowTarget.Page, false, false);
        var action = new Uri(web, "actions/" + ActionChain.ToString(CultureInfo.InvariantCulture));
        yield return ("action page", action, RowTarget.Page, false, false);
        yield return ("help board", new Uri(web, "help"), RowTarget.Page, false, false);
        yield return ("team topics", new Uri(web, SitePaths.TeamTopics(TeamKey)), RowTarget.Page, false, false);
        yield return ("project page", new Uri(web, ProjectPath(ProjectKey)), RowTarget.Page, false, false);
        yield return ("team agenda", new Uri(web, SitePaths.TeamAgenda(TeamKey)), RowTarget.Page, false, false);
        yield return ("team page, signed in", team, RowTarget.Page, true, false);
        yield return ("meeting page, signed in", meeting, RowTarget.Page, true, false);
        yield return ("action page, signed in", action, RowTarget.Page, true, false);
        yield return ("nginx: the meeting's .log.html", new Uri(nginx, StaticLog), null, false, false);
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"targets: team {TeamKey} ({TeamMeetings} meetings), meeting {MeetingKey} (id {MeetingId}, {MeetingLines} lines), person {Person} ({PersonMeetings} meetings attended), search `{Query}`, action chain {ActionChain}, project {ProjectKey} ({ProjectMeetings} meetings); nginx: {StaticLog}");

    /// <summary>The site's path of a project's page (as its Links write it: each segment of the key escaped, the slashes kept).</summary>
    public static string ProjectPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "projects/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>An entry of <c>GET /api/projects</c>, as far as the pick needs it.</summary>
    private sealed record ListedProject(string Key, int Meetings);
}

/// <summary>What a row must reach: requests/s, p99, and a share of nginx's rate (issue 14's meeting page).</summary>
public sealed record RowTarget(double RequestsPerSecond, double P99Ms, double? NginxShare = null)
{
    /// <summary>Issue 5's target for every page.</summary>
    public static readonly RowTarget Page = new(1000, 50);

    /// <summary>Issue 14's team and person pages, from the page cache.</summary>
    public static readonly RowTarget Shared = new(5000, 50);

    /// <summary>Issue 14's meeting page, from the page cache: nginx's order of speed.</summary>
    public static readonly RowTarget Meeting = new(10_000, 10, 0.15);

    public bool MetBy(WrkResult result, double? nginx)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors == 0 && result.RequestsPerSecond >= RequestsPerSecond && result.P99Ms <= P99Ms
            && (NginxShare is not { } share || (nginx is { } n && result.RequestsPerSecond >= share * n));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"≥ {RequestsPerSecond:N0}/s, p99 ≤ {P99Ms:F0}{(NginxShare is { } s ? $", ≥ {s:F2}× nginx" : string.Empty)}");
}
