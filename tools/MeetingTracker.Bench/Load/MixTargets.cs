using System.Globalization;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Load;

/// <summary>
/// The paths of the mix, picked from the corpus as <see cref="Http.Targets"/> picks its one of each: the four busiest
/// teams, the four people who attended most, a median-length meeting of each of six teams, three searches, and the
/// home, actions, ideas and statistics pages and <c>/api/actions</c>, each path once per cycle.
/// </summary>
public static class MixTargets
{
    public static readonly string[] Searches = ["mirror", "release", "quota"];

    public static async Task<IReadOnlyList<string>> PickAsync(IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Meetings.GroupBy(m => m.Team!.Key).Select(g => new { Key = g.Key, Count = g.Count() })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Key).Take(6).ToListAsync(cancellationToken);
        var people = await db.Attendance.GroupBy(a => a.PersonId).Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(p => p.Count).ThenBy(p => p.Id).Take(4).Select(p => p.Id).ToListAsync(cancellationToken);
        var names = await db.People.Where(p => people.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(cancellationToken);
        var paths = new List<string> { "/" };
        paths.AddRange(teams.Take(4).Select(t => "/teams/" + Uri.EscapeDataString(t.Key)));
        paths.AddRange(names.Select(n => "/people/" + Uri.EscapeDataString(n)));
        foreach (var team in teams)
        {
            var ids = await db.Meetings.Where(m => m.Team!.Key == team.Key).OrderBy(m => m.LineCount).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
            paths.Add("/meetings/" + ids[ids.Count / 2].ToString(CultureInfo.InvariantCulture));
        }

        paths.AddRange(Searches.Select(q => "/search?q=" + Uri.EscapeDataString(q)));
        paths.AddRange(["/actions", "/ideas", "/stats", "/api/actions"]);
        return paths;
    }

    /// <summary>wrk's script: each request the next path of the cycle (each wrk thread keeps its own place).</summary>
    public static string Script(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = string.Join(",\n  ", paths.Select(p => "\"" + p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
        return $$"""
            -- MeetingTracker load mix: each request takes the next path.
            local paths = {
              {{list}}
            }
            local n = 0
            request = function()
              n = n % #paths + 1
              return wrk.format("GET", paths[n])
            end
            """;
    }
}
