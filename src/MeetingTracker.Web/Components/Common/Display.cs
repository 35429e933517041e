using System.Globalization;
using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Components.Common;

/// <summary>How times, durations and statuses read on the page: UTC, invariant culture.</summary>
public static class Display
{
    public static string Utc(DateTimeOffset time)
        => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string IsoUtc(DateTimeOffset time)
        => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "still running",
        { TotalSeconds: < 60 } d => d.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture),
        { TotalHours: < 1 } d => string.Create(CultureInfo.InvariantCulture, $"{d.Minutes} min {d.Seconds:00} s"),
        { } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours} h {d.Minutes:00} min"),
    };

    public static string StatusClass(HarvestStatus status) => status switch
    {
        HarvestStatus.Succeeded => "status status-ok",
        HarvestStatus.Running => "status status-running",
        _ => "status status-bad",
    };
}
