using MeetingTracker.Core.Harvesting;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Meetings;

/// <summary>The meeting page keeps its frame (minutes, header) in the digest cache; a harvest that re-reads the meeting shows.</summary>
public sealed class MeetingRereadTests
{
    [Fact]
    public async Task A_reread_meeting_shows_its_new_minutes_after_the_harvest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new TrackerHost();
        using var client = host.CreateClient();
        await host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, ct);
        await using var db = host.Db();
        var meeting = await db.Meetings.OrderBy(m => m.Id).Select(m => new { m.Id, m.Folder, m.MeetingKey }).FirstAsync(ct);
        var topic = await db.Topics.Where(t => t.MeetingId == meeting.Id).OrderBy(t => t.Ordinal).Select(t => t.Title).FirstAsync(ct);
        var before = await client.GetStringAsync(new Uri("/" + Links.Meeting(meeting.Id), UriKind.Relative), ct);

        var log = Path.Combine(host.LogsDir, meeting.Folder, meeting.MeetingKey + ".log.txt");
        File.WriteAllText(log, File.ReadAllText(log).Replace("#topic " + topic, "#topic Renamed topic", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(log, File.GetLastWriteTimeUtc(log).AddMinutes(1));
        await host.HarvestNowAsync(ct);

        // The harvest read it again (else the page has nothing new to show: a failure here is the harvest's, not the pages').
        await using (var check = host.Db())
        {
            Assert.True(
                await check.Topics.AnyAsync(t => t.MeetingId == meeting.Id && t.Title == "Renamed topic", ct),
                "the harvest did not re-read the meeting: " + string.Join("; ", await check.Runs.OrderBy(r => r.Id).Select(r => r.Status + " " + r.MeetingsUpdated + " updated " + r.Error).ToListAsync(ct)));
        }

        var after = await client.GetStringAsync(new Uri("/" + Links.Meeting(meeting.Id), UriKind.Relative), ct);

        Assert.Contains(System.Net.WebUtility.HtmlEncode(topic), before, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed topic", before, StringComparison.Ordinal);
        Assert.Contains("Renamed topic", after, StringComparison.Ordinal);
    }
}
