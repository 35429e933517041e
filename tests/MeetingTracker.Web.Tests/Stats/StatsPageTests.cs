using System.Globalization;
using AngleSharp.Dom;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Components.Pages.Stats;
using MeetingTracker.Web.Tests.Site;
using MeetingTracker.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Stats;

public sealed class StatsPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Every_chart_is_a_named_image_with_a_table_beside_it()
    {
        var page = await site.DocumentAsync("/stats");

        var sections = page.QuerySelectorAll("main section").ToList();
        Assert.Equal(4, sections.Count);
        var charts = page.QuerySelectorAll("svg").ToList();
        Assert.Equal(5, charts.Count);
        Assert.All(charts, svg => Assert.Equal("img", svg.GetAttribute("role")));
        Assert.All(charts, svg => Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label"))));
        Assert.All(charts, svg => Assert.Equal(svg.GetAttribute("aria-label"), svg.QuerySelector("title")!.TextContent));
        Assert.All(sections, s => Assert.NotNull(s.QuerySelector(".chart-and-table table caption")));
        Assert.All(charts.SkipLast(1), svg => Assert.NotEmpty(svg.QuerySelectorAll("rect"))); // nothing is done before people say so (AccountabilityStatsTests)
    }

    [Fact]
    public async Task The_tables_carry_the_database_s_numbers_month_by_month()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = site.Host.Db();
        var meetings = await db.Meetings.Select(m => new { m.Id, m.StartedAt, Team = m.Team!.Key }).ToListAsync(ct);
        var seats = await db.Attendance.Select(a => new { a.MeetingId, a.PersonId }).Distinct().ToListAsync(ct);
        var actions = await db.Items.Where(i => i.Kind == ItemKind.Action && i.RemovedAt == null).Select(i => i.Time).ToListAsync(ct);
        var monthOf = meetings.ToDictionary(m => m.Id, m => Month(m.StartedAt));

        var page = await site.DocumentAsync("/stats");

        var tables = page.QuerySelectorAll("table.stats-table").ToList();
        var perTeam = Rows(tables[0]);
        var teams = tables[0].QuerySelectorAll("thead th").Skip(1).SkipLast(1).Select(th => th.QuerySelector("a")!.GetAttribute("href")!["teams/".Length..]).ToList();
        Assert.Equal(meetings.Select(m => m.Team).Distinct().Order(StringComparer.Ordinal), teams.Order(StringComparer.Ordinal));
        Assert.Equal(meetings.Count, perTeam.Sum(r => r.Cells[^1]));
        foreach (var (month, cells) in perTeam)
        {
            Assert.Equal(meetings.Count(m => monthOf[m.Id] == month), cells[^1]);
            Assert.Equal(teams.Select(t => meetings.Count(m => m.Team == t && monthOf[m.Id] == month)), cells.SkipLast(1).Select(c => (int)c));
        }

        foreach (var (month, cells) in Rows(tables[1]))
        {
            var held = meetings.Where(m => monthOf[m.Id] == month).Select(m => m.Id).ToHashSet();
            var present = seats.Where(s => held.Contains(s.MeetingId)).ToList();
            Assert.Equal(held.Count, cells[0]);
            Assert.Equal(present.Select(s => s.PersonId).Distinct().Count(), cells[1]);
            Assert.Equal(held.Count == 0 ? 0 : Math.Round(present.Count / (double)held.Count, 1), cells[2]);
        }

        var raised = Rows(tables[2]);
        Assert.Equal(raised.Select(r => actions.Count(t => Month(t) == r.Month)), raised.Select(r => (int)r.Cells[0]));
        Assert.Equal(actions.Count, raised.Sum(r => r.Cells[0]));
        Assert.Equal(StatsQueries.MonthsShown, raised.Count);
    }

    private static string Month(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static List<(string Month, List<double> Cells)> Rows(IElement table)
        => [.. table.QuerySelectorAll("tbody tr").Select(r => (
            r.QuerySelector("th")!.Text(),
            r.QuerySelectorAll("td").Select(td => double.Parse(td.Text(), CultureInfo.InvariantCulture)).ToList()))];
}
