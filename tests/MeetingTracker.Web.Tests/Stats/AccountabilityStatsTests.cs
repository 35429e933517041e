using System.Globalization;
using AngleSharp.Dom;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Web.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Stats;

/// <summary>The accountability counts on /stats, the team page and the person page, before and after people say things.</summary>
public sealed class AccountabilityStatsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] Columns = ["Done", "Done on time", "Carried over", "Released", "Taken over", "Ideas implemented"];

    [Fact]
    public async Task Stats_team_and_person_pages_count_what_people_said_on_the_next_request()
    {
        var ct = TestContext.Current.CancellationToken;
        var snapshot = await Said.SnapshotAsync(site.Host);
        await using var db = site.Host.Db();
        var owned = (await db.ItemOwners.Select(o => o.ItemId).ToListAsync(ct)).ToHashSet();
        // Actions no done note in the minutes closed: marking them done must add to the counts.
        var early = snapshot.Actions.First(c => owned.Contains(c.Latest.ItemId) && c.DoneInLogs is null);
        var late = snapshot.Actions.Last(c => c != early && c.DoneInLogs is null); // the oldest: done 20 days on still falls within the period shown
        var team = await db.Teams.Where(t => t.Id == early.TeamId).Select(t => t.Key).SingleAsync(ct);
        var owner = await db.ItemOwners.Where(o => o.ItemId == early.Latest.ItemId).Select(o => o.Person!.Name).FirstAsync(ct);
        var (statsBefore, teamBefore, personBefore) = (await MonthsAsync(), await SummaryAsync($"/teams/{team}"), await SummaryAsync($"/people/{Uri.EscapeDataString(owner)}"));

        var frank = await Said.AccountAsync(site.Host, "frank");
        var doneAt = early.First.Time.AddDays(2);
        await Said.ActionAsync(site.Host, early.Id, frank, EventKind.State, to: "done", at: doneAt);
        await Said.ActionAsync(site.Host, late.Id, frank, EventKind.Take, to: "open", at: late.First.Time.AddDays(1));
        await Said.ActionAsync(site.Host, late.Id, frank, EventKind.State, to: "done", at: late.First.Time.AddDays(20));

        var statsAfter = await MonthsAsync();
        var month = doneAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var lateSameMonth = late.First.Time.AddDays(20).UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture) == month ? 1 : 0;
        Assert.Equal(statsBefore[month]["Done"] + 1 + lateSameMonth, statsAfter[month]["Done"]);
        Assert.Equal(statsBefore[month]["Done on time"] + 1, statsAfter[month]["Done on time"]);
        Assert.Equal(Total(statsBefore, "Done") + 2, Total(statsAfter, "Done"));
        Assert.Equal(Total(statsBefore, "Done on time") + 1, Total(statsAfter, "Done on time"));
        Assert.Equal(Total(statsBefore, "Taken over") + 1, Total(statsAfter, "Taken over"));
        Assert.Equal(snapshot.Actions.Count(c => c.CarriedOver > 0), Total(statsAfter, "Carried over"));
        Assert.True(Total(statsAfter, "Carried over") > 0);

        var teamAfter = await SummaryAsync($"/teams/{team}");
        var sameTeam = late.TeamId == early.TeamId ? 1 : 0;
        Assert.Equal(teamBefore["Actions done"] + 1 + sameTeam, teamAfter["Actions done"]);
        Assert.Equal(teamBefore["Done on time"] + 1, teamAfter["Done on time"]);
        Assert.Equal(snapshot.Actions.Count(c => c.TeamId == early.TeamId && c.CarriedOver > 0), teamAfter["Carried over"]);
        var personAfter = await SummaryAsync($"/people/{Uri.EscapeDataString(owner)}");
        var ownsLate = await db.ItemOwners.AnyAsync(o => o.ItemId == late.Latest.ItemId && o.Person!.Name == owner, ct) ? 1 : 0;
        Assert.Equal(personBefore["Actions done"] + 1 + ownsLate, personAfter["Actions done"]);
        Assert.Equal(personBefore["Taken over"], personAfter["Taken over"]); // frank took it, not the owner
        var charts = (await site.DocumentAsync("/stats")).QuerySelectorAll("svg");
        Assert.NotEmpty(charts[charts.Length - 1].QuerySelectorAll("rect"));
    }

    private static int Total(Dictionary<string, Dictionary<string, int>> months, string column) => months.Values.Sum(m => m[column]);

    // The accountability table of /stats: month → column → count.
    private async Task<Dictionary<string, Dictionary<string, int>>> MonthsAsync()
    {
        var page = await site.DocumentAsync("/stats");
        var table = page.QuerySelector("#accountability-heading")!.ParentElement!.QuerySelector("table")!;
        Assert.Equal(["Month", .. Columns], table.QuerySelectorAll("thead th").Select(th => th.Text()));
        return table.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.Text(),
            r => Columns.Zip(r.QuerySelectorAll("td").Select(td => int.Parse(td.Text(), CultureInfo.InvariantCulture))).ToDictionary(p => p.First, p => p.Second));
    }

    // The "Accountability" summary of a team or person page: term → count.
    private async Task<Dictionary<string, int>> SummaryAsync(string path)
    {
        var page = await site.DocumentAsync(path);
        var list = page.QuerySelector("#accountability-heading")!.ParentElement!.QuerySelector("dl")!;
        return list.QuerySelectorAll("div").ToDictionary(d => d.QuerySelector("dt")!.Text(), d => int.Parse(d.QuerySelector("dd")!.Text(), CultureInfo.InvariantCulture));
    }
}
