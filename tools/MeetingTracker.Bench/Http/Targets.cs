using System.Globalization;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Http;

/// <summary>
/// What is loaded: the busiest team's page, its median-length meeting (and that meeting's <c>.log.html</c> for
/// nginx), the person who attended most, and a search for a word in about one meeting in two.
/// </summary>
public sealed record Targets(string TeamKey, int TeamMeetings, int MeetingId, string MeetingKey, int MeetingLines, string Person, int PersonMeetings, string Query, string StaticLog)
{
    /// <summary>The action chain whose page is measured: the one with the longest history of <see cref="EventSeed"/>.</summary>
    public int ActionChain { get; init; }

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
    /// Name, URL, whether the targets apply and whether a signed-in user asks, in the order measured (the URL scheme is
    /// the site's Links). The signed-in rows are the anonymous pages again with a session cookie (issue 11): the header
    /// then names the user and the page cannot come from a shared cache.
    /// </summary>
    public IEnumerable<(string Name, Uri Url, bool IsTarget, bool SignedIn)> Urls(Uri web, Uri nginx)
    {
        var team = new Uri(web, "teams/" + Uri.EscapeDataString(TeamKey));
        var meeting = new Uri(web, "meetings/" + MeetingId.ToString(CultureInfo.InvariantCulture));
        yield return ("team page", team, true, false);
        yield return ("person page", new Uri(web, "people/" + Uri.EscapeDataString(Person)), true, false);
        yield return ("meeting page", meeting, true, false);
        yield return ("search page", new Uri(web, "search?q=" + Uri.EscapeDataString(Query)), true, false);
        var action = new Uri(web, "actions/" + ActionChain.ToString(CultureInfo.InvariantCulture));
        yield return ("action page", action, true, false);
        yield return ("help board", new Uri(web, "help"), true, false);
        yield return ("team page, signed in", team, true, true);
        yield return ("meeting page, signed in", meeting, true, true);
        yield return ("action page, signed in", action, true, true);
        yield return ("nginx: the meeting's .log.html", new Uri(nginx, StaticLog), false, false);
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"targets: team {TeamKey} ({TeamMeetings} meetings), meeting {MeetingKey} (id {MeetingId}, {MeetingLines} lines), person {Person} ({PersonMeetings} meetings attended), search `{Query}`, action chain {ActionChain}; nginx: {StaticLog}");
}
