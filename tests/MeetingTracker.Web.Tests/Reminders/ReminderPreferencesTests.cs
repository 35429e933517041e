using System.Net;
using AngleSharp.Html.Parser;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Tests.Reminders;

/// <summary>The account page's reminder preferences: saved as given, refused whole when wrong, team digests only for chaired teams.</summary>
public sealed class ReminderPreferencesTests(AccountsSite site) : IClassFixture<AccountsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_account_page_shows_the_defaults_and_saves_a_daily_digest_in_a_time_zone()
    {
        using var client = await site.ClientAsync("owner");
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/account", UriKind.Relative), Ct));
        var form = page.QuerySelector("#reminders form")!;
        Assert.Equal("Weekly", page.QuerySelector("#reminders input[name=frequency][checked]")!.ParentElement!.TextContent.Trim());
        Assert.Equal("Monday", form.QuerySelector("#reminder-day option[selected]")!.TextContent);
        Assert.Equal("08:00", form.QuerySelector("#reminder-hour option[selected]")!.TextContent);
        Assert.Equal("UTC", form.QuerySelector("#reminder-zone")!.GetAttribute("value"));
        Assert.Contains("Your next digest: Monday", page.QuerySelector("#reminders")!.TextContent, StringComparison.Ordinal);

        using var saved = await PostAsync(client, new() { ["frequency"] = "Daily", ["day"] = "Tuesday", ["hour"] = "7", ["timeZone"] = "Europe/Berlin" });
        Assert.Equal("/account?done=reminders#reminders", saved.Headers.Location!.OriginalString);
        await using (var db = site.Db())
        {
            var row = await db.ReminderPreferences.SingleAsync(p => p.AccountId == site.AccountIds["owner"], Ct);
            Assert.Equal((DigestFrequency.Daily, DayOfWeek.Tuesday, 7, "Europe/Berlin"), (row.Frequency, row.Day, row.Hour, row.TimeZone));
        }

        var after = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/account?done=reminders", UriKind.Relative), Ct));
        Assert.Contains("reminder preferences are saved", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(Europe/Berlin)", after.QuerySelector("#reminders")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Weekly", "Monday", "24", "UTC", "reminders-bad")]
    [InlineData("Hourly", "Monday", "8", "UTC", "reminders-bad")]
    [InlineData("Weekly", "Someday", "8", "UTC", "reminders-bad")]
    [InlineData("Weekly", "Monday", "8", "Mars/Olympus_Mons", "reminders-zone")]
    [InlineData("Weekly", "Monday", "8", "", "reminders-zone")]
    public async Task Wrong_input_is_refused_and_changes_nothing(string frequency, string day, string hour, string zone, string done)
    {
        using var client = await site.ClientAsync("other");
        using var response = await PostAsync(client, new() { ["frequency"] = frequency, ["day"] = day, ["hour"] = hour, ["timeZone"] = zone });
        Assert.Equal($"/account?done={done}#reminders", response.Headers.Location!.OriginalString);
        await using var db = site.Db();
        Assert.False(await db.ReminderPreferences.AnyAsync(p => p.AccountId == site.AccountIds["other"], Ct));
    }

    [Fact]
    public async Task A_chair_subscribes_to_the_digest_of_a_team_it_chairs_and_no_other()
    {
        int chaired;
        int other;
        await using (var db = site.Db())
        {
            chaired = await db.Teams.Where(t => t.Key == site.TeamKey).Select(t => t.Id).SingleAsync(Ct);
            var extra = new Core.Meetings.Team { Key = "reminder-extra", Name = "Reminder extra" };
            db.Teams.Add(extra);
            await db.SaveChangesAsync(Ct);
            other = extra.Id;
        }

        using var client = await site.ClientAsync("chair");
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/account", UriKind.Relative), Ct));
        Assert.Equal([$"team-{chaired}"], page.QuerySelectorAll("#reminders input[type=checkbox]").Select(i => i.GetAttribute("name")));

        using var saved = await PostAsync(client, new() { ["frequency"] = "Weekly", ["day"] = "Monday", ["hour"] = "8", ["timeZone"] = "UTC", [$"team-{chaired}"] = "on", [$"team-{other}"] = "on" });
        await using (var db = site.Db())
        {
            Assert.Equal([chaired], await db.TeamDigests.Where(t => t.AccountId == site.AccountIds["chair"]).Select(t => t.TeamId).ToListAsync(Ct));
        }

        using var off = await PostAsync(client, new() { ["frequency"] = "Weekly", ["day"] = "Monday", ["hour"] = "8", ["timeZone"] = "UTC" });
        await using (var db = site.Db())
        {
            Assert.False(await db.TeamDigests.AnyAsync(t => t.AccountId == site.AccountIds["chair"], Ct));
        }
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await site.FormTokenAsync(client, "/account");
        var response = await client.PostAsync(new Uri("/account/reminders", UriKind.Relative), new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
