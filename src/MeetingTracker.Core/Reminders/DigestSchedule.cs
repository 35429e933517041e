using System.Globalization;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.TimeZones;

namespace MeetingTracker.Core.Reminders;

/// <summary>A moment a digest is due and the period it stands for (the local date of the slot).</summary>
public sealed record DigestSlot(DateTimeOffset At, string Period);

/// <summary>
/// When digests are due, in the account's own time zone (IANA names through NodaTime's tz database, so a server's
/// missing or old tzdata changes nothing). A local hour that does not exist on a day (clocks go forward) moves
/// forward by the gap; one that happens twice (clocks go back) is the first (NodaTime's lenient resolver).
/// </summary>
public static class DigestSchedule
{
    /// <summary>The zone of an IANA name, or null when there is no such zone.</summary>
    public static DateTimeZone? Zone(string? id) => string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>Every zone name one may choose, sorted.</summary>
    public static IReadOnlyList<string> ZoneIds { get; } = [.. DateTimeZoneProviders.Tzdb.Ids.Order(StringComparer.Ordinal)];

    /// <summary>The latest personal-digest slot at or before <paramref name="now"/>; null when digests are off.</summary>
    public static DigestSlot? Latest(ReminderPreferences preferences, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.Frequency == DigestFrequency.Off) return null;
        var zone = Zone(preferences.TimeZone) ?? DateTimeZone.Utc;
        var today = now.ToInstant().InZone(zone).Date;
        for (var back = 0; back <= 8; back++)
        {
            var day = today.PlusDays(-back);
            if (!Fits(preferences, day)) continue;
            var at = At(zone, day, preferences.Hour);
            if (at <= now) return new DigestSlot(at, Key(day));
        }

        return null;
    }

    /// <summary>The first personal-digest slot after <paramref name="now"/> (with digests off: a week later).</summary>
    public static DateTimeOffset Next(ReminderPreferences preferences, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.Frequency == DigestFrequency.Off) return now.AddDays(7);
        var zone = Zone(preferences.TimeZone) ?? DateTimeZone.Utc;
        var today = now.ToInstant().InZone(zone).Date;
        for (var ahead = 0; ; ahead++)
        {
            var day = today.PlusDays(ahead);
            if (!Fits(preferences, day)) continue;
            var at = At(zone, day, preferences.Hour);
            if (at > now) return at;
        }
    }

    /// <summary>
    /// The team digest before a meeting at <paramref name="meeting"/>: due at the account's hour on the first day of
    /// the week before it (the first slot at or after a week before), until the meeting starts.
    /// </summary>
    public static DigestSlot TeamSlot(ReminderPreferences preferences, DateTimeOffset meeting)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var zone = Zone(preferences.TimeZone) ?? DateTimeZone.Utc;
        var from = meeting.AddDays(-7);
        var day = from.ToInstant().InZone(zone).Date;
        var at = At(zone, day, preferences.Hour);
        if (at < from) at = At(zone, day.PlusDays(1), preferences.Hour);
        return new DigestSlot(at, meeting.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The moment of <paramref name="hour"/>:00 on <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset At(DateTimeZone zone, LocalDate day, int hour)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.At(new LocalTime(Math.Clamp(hour, 0, 23), 0));
        return zone.ResolveLocal(local, Resolvers.LenientResolver).ToDateTimeOffset();
    }

    private static bool Fits(ReminderPreferences preferences, LocalDate day)
        => preferences.Frequency == DigestFrequency.Daily || day.DayOfWeek == preferences.Day.ToIsoDayOfWeek();

    private static string Key(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
