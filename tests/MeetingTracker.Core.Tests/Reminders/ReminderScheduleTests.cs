using System.Globalization;
using MeetingTracker.Core.Reminders;
using static MeetingTracker.Core.Tests.Reminders.ReminderScenario;

namespace MeetingTracker.Core.Tests.Reminders;

/// <summary>
/// When digests are due: at the account's hour in its own time zone, through the weeks clocks change (neither an hour
/// early nor an hour late), daily, weekly on its day, or never.
/// </summary>
public sealed class ReminderScheduleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A weekly Monday 08:00 digest: the UTC hour it is due on that Monday.</summary>
    private static readonly (string Zone, string Monday, int Hour)[] ChangeMondays =
    [
        // Europe/Berlin: summer time from 29 March to 25 October 2026.
        ("Europe/Berlin", "2026-03-23", 7),
        ("Europe/Berlin", "2026-03-30", 6),
        ("Europe/Berlin", "2026-10-19", 6),
        ("Europe/Berlin", "2026-10-26", 7),

        // America/New_York: daylight time from 8 March to 1 November 2026.
        ("America/New_York", "2026-03-02", 13),
        ("America/New_York", "2026-03-09", 12),
        ("America/New_York", "2026-10-26", 12),
        ("America/New_York", "2026-11-02", 13),
    ];

    public static TheoryData<string, string, int> MondaysAroundTheChanges() => [.. ChangeMondays];

    [Theory]
    [MemberData(nameof(MondaysAroundTheChanges))]
    public void A_weekly_slot_is_the_local_hour_of_its_day_whatever_the_offset_that_week(string zone, string monday, int utcHour)
    {
        var preferences = new ReminderPreferences { AccountId = "a", Frequency = DigestFrequency.Weekly, TimeZone = zone, Hour = 8 };
        var due = Day(monday).AddHours(utcHour);

        Assert.Equal(new DigestSlot(due, monday), DigestSchedule.Latest(preferences, due));
        Assert.NotEqual(monday, DigestSchedule.Latest(preferences, due.AddTicks(-1))?.Period);
        Assert.Equal(due, DigestSchedule.Next(preferences, due.AddHours(-1)));
    }

    /// <summary>A daily digest on the days around a change, and at an hour that does not exist or happens twice.</summary>
    [Theory]
    [InlineData("Europe/Berlin", 8, "2026-10-24", "2026-10-24T06:00Z")]
    [InlineData("Europe/Berlin", 8, "2026-10-25", "2026-10-25T07:00Z")]
    [InlineData("Europe/Berlin", 8, "2026-10-26", "2026-10-26T07:00Z")]
    [InlineData("Europe/Berlin", 2, "2026-03-28", "2026-03-28T01:00Z")]
    [InlineData("Europe/Berlin", 2, "2026-03-29", "2026-03-29T01:00Z")] // 02:00 does not exist: 03:00 summer time
    [InlineData("Europe/Berlin", 2, "2026-03-30", "2026-03-30T00:00Z")]
    [InlineData("Europe/Berlin", 2, "2026-10-25", "2026-10-25T00:00Z")] // 02:00 happens twice: the first
    [InlineData("America/New_York", 2, "2026-03-08", "2026-03-08T07:00Z")] // 02:00 does not exist: 03:00 daylight time
    [InlineData("America/New_York", 1, "2026-11-01", "2026-11-01T05:00Z")] // 01:00 happens twice: the first
    [InlineData("Asia/Kolkata", 8, "2026-10-25", "2026-10-25T02:30Z")]
    public void A_daily_slot_on_the_days_clocks_change(string zone, int hour, string day, string due)
    {
        var preferences = new ReminderPreferences { AccountId = "a", Frequency = DigestFrequency.Daily, TimeZone = zone, Hour = hour };
        var at = DateTimeOffset.Parse(due, CultureInfo.InvariantCulture);

        Assert.Equal(new DigestSlot(at, day), DigestSchedule.Latest(preferences, at));
        Assert.Equal(at, DigestSchedule.Next(preferences, at.AddTicks(-1)));
        Assert.NotEqual(day, DigestSchedule.Latest(preferences, at.AddTicks(-1))?.Period);
    }

    [Fact]
    public void Off_has_no_slot_and_an_unknown_zone_is_utc()
    {
        var off = new ReminderPreferences { AccountId = "a", Frequency = DigestFrequency.Off };
        var unknown = new ReminderPreferences { AccountId = "a", Frequency = DigestFrequency.Weekly, TimeZone = "Mars/Olympus_Mons" };

        Assert.Null(DigestSchedule.Latest(off, Monday));
        Assert.Equal(new DigestSlot(Monday, "2026-12-07"), DigestSchedule.Latest(unknown, Monday));
    }

    /// <summary>
    /// Hourly runs (as the job makes them) through the Mondays around the changes: each Monday's digest is composed by
    /// the run of the hour it is due, not the one before, and once.
    /// </summary>
    [Fact]
    public async Task Hourly_runs_compose_each_monday_digest_at_its_local_hour_in_the_weeks_clocks_change()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        rig.Meeting("infra", Week(1), "bob", ["berit", "nate"], "#info the mirror is fine");
        await rig.HarvestAsync(Ct);
        var ids = await rig.AccountsAsync(Ct, ("berit@example.org", "berit"), ("nate@example.org", "nate"));
        await rig.PreferAsync(ids[0], DigestFrequency.Weekly, Ct, "Europe/Berlin");
        await rig.PreferAsync(ids[1], DigestFrequency.Weekly, Ct, "America/New_York");

        var expected = ChangeMondays.OrderBy(r => r.Monday, StringComparer.Ordinal).ToList();
        var seenAt = new List<(string Zone, string Monday, int Hour)>();
        foreach (var (zone, monday, _) in expected)
        {
            var email = zone == "Europe/Berlin" ? "berit@example.org" : "nate@example.org";
            for (var hour = 0; hour < 24; hour++)
            {
                var report = await rig.RunAsync(Day(monday).AddHours(hour), Ct, account: email);
                if (report.Digests.Any(d => d.Period == monday) && !seenAt.Exists(c => c.Monday == monday && c.Zone == zone)) seenAt.Add((zone, monday, hour));
            }
        }

        Assert.Equal(expected, seenAt);
        var mondays = (await rig.DigestsAsync(Ct)).Where(d => expected.Exists(e => e.Monday == d.Period && ids[e.Zone == "Europe/Berlin" ? 0 : 1] == d.AccountId)).ToList();
        Assert.Equal(8, mondays.Count);
        Assert.Equal(
            expected.Select(e => Day(e.Monday).AddHours(e.Hour)).Order(),
            mondays.Select(d => d.ComposedAt).Order());
    }

    [Fact]
    public async Task Daily_comes_every_day_weekly_on_its_day_and_off_never()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        var accounts = await BuildAsync(rig, Ct);
        await rig.PreferAsync(accounts["alice"], DigestFrequency.Daily, Ct);
        await rig.PreferAsync(accounts["dana"], DigestFrequency.Off, Ct);
        await rig.PreferAsync(accounts["frank"], DigestFrequency.Weekly, Ct, day: DayOfWeek.Tuesday, hour: 9);

        var monday = await rig.RunAsync(Monday, Ct);
        var tuesdayEarly = await rig.RunAsync(Monday.AddHours(23), Ct);
        var tuesday = await rig.RunAsync(Monday.AddDays(1), Ct);
        var tuesdayNine = await rig.RunAsync(Monday.AddDays(1).AddHours(1), Ct);

        Assert.Equal(
            ["alice@example.org digest 2026-12-07 Queued", "carol@example.org digest 2026-12-07 Queued", "frank@example.org digest 2026-12-01 NothingToSay"],
            Lines(monday));
        Assert.Equal(
            ["alice@example.org digest 2026-12-07 AlreadySent", "carol@example.org digest 2026-12-07 AlreadySent", "frank@example.org digest 2026-12-01 NothingToSay"],
            Lines(tuesdayEarly));
        Assert.Equal(
            ["alice@example.org digest 2026-12-08 Queued", "carol@example.org digest 2026-12-07 AlreadySent", "frank@example.org digest 2026-12-01 NothingToSay"],
            Lines(tuesday));
        Assert.Equal("frank@example.org digest 2026-12-08 NothingToSay", Lines(tuesdayNine)[^1]);

        // alice still owes what she owed: the daily digest says it again; dana, who turned hers off, gets none.
        var outbox = await rig.OutboxAsync(Ct);
        Assert.Equal(["alice@example.org", "carol@example.org", "alice@example.org"], outbox.Select(m => m.To));
        Assert.StartsWith("Your actions: 2 overdue, 1 coming due", outbox[2].Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(await rig.DigestsAsync(Ct), d => d.AccountId == accounts["dana"]);
    }

    private static List<string> Lines(ReminderReport report) => [.. report.Digests.Select(d => $"{d.Email} {d.Kind} {d.Period} {d.Outcome}")];

    private static DateTimeOffset Day(string day) => DateTimeOffset.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
