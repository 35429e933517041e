using MeetingTracker.Web.Components.Common;
using System.Globalization;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Stats;

/// <summary>
/// The statistics: narrow projections of the period's meetings, attendance and actions, grouped by month in memory
/// (times are stored as encoded integers, which SQL date functions cannot read), kept in <see cref="DigestCache"/>.
/// </summary>
public sealed class StatsQueries(IDbContextFactory<TrackerDb> dbFactory, DigestCache cache, TimeProvider clock)
{
    public const int MonthsShown = 24;
    public const int TeamsShown = 8;

    public Task<StatsModel> StatsAsync(CancellationToken cancellationToken)
        => cache.GetAsync(new StatsKey(), BuildAsync, cancellationToken);

    /// <summary>
    /// The last <see cref="MonthsShown"/> months up to this month; up to the last meeting's month instead when that
    /// is later (generated data) or older than the whole period (an archive), so the charts are never all empty.
    /// </summary>
    public static (int First, int Last) Period(DateTimeOffset now, DateTimeOffset latestMeeting)
    {
        var current = MonthIndex(now);
        var latest = MonthIndex(latestMeeting);
        var last = latest > current || latest <= current - MonthsShown ? latest : current;
        return (last - MonthsShown + 1, last);
    }

    public static int MonthIndex(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return (utc.Year * 12) + utc.Month - 1;
    }

    public static DateTimeOffset MonthStart(int index) => new(index / 12, (index % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task<StatsModel> BuildAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var latest = await db.Meetings.OrderByDescending(m => m.StartedAt).Select(m => new { m.StartedAt }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return StatsModel.Empty;
        var (first, last) = Period(clock.GetUtcNow(), latest.StartedAt);
        DateTimeOffset from = MonthStart(first), to = MonthStart(last + 1);

        var meetings = await db.Meetings.Where(m => m.StartedAt >= from && m.StartedAt < to)
            .Select(m => new { m.Id, m.TeamId, m.StartedAt }).ToListAsync(cancellationToken);
        var attendance = await db.Meetings.Where(m => m.StartedAt >= from && m.StartedAt < to)
            .SelectMany(m => m.Attendance, (m, a) => new { m.Id, a.PersonId }).Distinct().ToListAsync(cancellationToken);
        var actions = await db.Items.Where(i => i.Kind == ItemKind.Action && i.RemovedAt == null && i.Time >= from && i.Time < to)
            .Select(i => i.Time).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => (t.Key, t.Name), cancellationToken);

        var n = last - first + 1;
        var monthOf = meetings.ToDictionary(m => m.Id, m => MonthIndex(m.StartedAt) - first);
        var months = Enumerable.Range(first, n).Select(i => MonthStart(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        var held = Count(monthOf.Values, n);

        // A meeting stored between these reads is not in monthOf: leave its attendance out.
        attendance = attendance.Where(a => monthOf.ContainsKey(a.Id)).ToList();
        var seats = Count(attendance.Select(a => monthOf[a.Id]), n);
        var raised = Count(actions.Select(t => MonthIndex(t) - first), n);
        var people = attendance.GroupBy(a => monthOf[a.Id]).ToDictionary(g => g.Key, g => g.Select(a => a.PersonId).Distinct().Count());
        var figures = Enumerable.Range(0, n)
            .Select(i => new MonthFigures(months[i], held[i], people.GetValueOrDefault(i), held[i] == 0 ? 0 : Math.Round(seats[i] / (double)held[i], 1), raised[i]))
            .ToList();

        return new StatsModel(months, TeamRows(meetings.Select(m => (m.TeamId, monthOf[m.Id])), teams, n), figures);
    }

    private static List<TeamMonths> TeamRows(IEnumerable<(int TeamId, int Month)> meetings, Dictionary<int, (string Key, string Name)> teams, int n)
    {
        var byTeam = meetings.GroupBy(m => m.TeamId).OrderByDescending(g => g.Count()).ThenBy(g => teams[g.Key].Key, StringComparer.Ordinal).ToList();
        var rows = byTeam.Take(TeamsShown).Select(g => new TeamMonths(teams[g.Key].Key, teams[g.Key].Name, Count(g.Select(m => m.Month), n))).ToList();
        if (byTeam.Count > TeamsShown)
        {
            rows.Add(new TeamMonths(null, BarChart.OtherName, Count(byTeam.Skip(TeamsShown).SelectMany(g => g.Select(m => m.Month)), n)));
        }

        return rows;
    }

    private static int[] Count(IEnumerable<int> months, int n)
    {
        var counts = new int[n];
        foreach (var m in months) counts[m]++;
        return counts;
    }

    private sealed record StatsKey;
}
