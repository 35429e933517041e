extern alias loggen;

using AngleSharp.Html.Parser;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Harvesting;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Actions;

/// <summary>An action on the agenda that the next meetings did not mention is shown as skipped on its page.</summary>
public sealed class SkippedAtMeetingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Log(string day, params string[] lines)
        => $"15:00:00 <alice> #startmeeting infra\n{string.Concat(lines.Select((l, i) => $"15:0{1 + (i / 60)}:{i % 60:00} <alice> {l}\n"))}15:30:00 <alice> #endmeeting\n";

    [Fact]
    public async Task The_action_page_lists_the_meetings_that_skipped_it_and_not_the_one_that_spoke_of_it()
    {
        await using var host = new TrackerHost(new GeneratorOptions { Teams = 0, Weeks = 0 });
        var folder = Path.Combine(host.LogsDir, "infra");
        Directory.CreateDirectory(folder);
        void Write(string day, params string[] lines) => File.WriteAllText(Path.Combine(folder, $"infra.{day}-15.00.log.txt"), Log(day, lines));
        Write("2024-01-08", "#topic Mirrors", "#action alice to rotate the mirror keys");
        Write("2024-01-15", "#topic Wiki", "the wiki theme is ready");
        Write("2024-01-22", "#topic Mirrors", "the mirror keys are half rotated");
        Write("2024-01-29", "#topic Docs", "docs sprint next month");
        using var client = host.CreateClient();
        await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, Ct);
        await using var db = host.Db();
        var chain = await db.Items.Where(i => i.Text == "alice to rotate the mirror keys").Select(i => i.Id).SingleAsync(Ct);
        var meetings = await db.Meetings.OrderBy(m => m.StartedAt).Select(m => m.Id).ToListAsync(Ct);

        var html = await client.GetStringAsync(new Uri($"/actions/{chain}", UriKind.Relative), Ct);
        var page = await new HtmlParser().ParseDocumentAsync(html, Ct);

        Assert.Equal(
            [$"meetings/{meetings[1]}", $"meetings/{meetings[3]}"],
            page.QuerySelectorAll("ul.skipped li a").Select(a => a.GetAttribute("href")));
    }
}
