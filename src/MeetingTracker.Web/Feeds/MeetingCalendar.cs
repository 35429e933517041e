using System.Globalization;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MeetingTracker.Web.Components.Common;

namespace MeetingTracker.Web.Feeds;

/// <summary>A team's meetings as iCalendar: one VEVENT per meeting, in UTC, with a UID that never changes.</summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar";

    public static string Build(Uri site, string teamName, IReadOnlyList<FeedMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(meetings);
        var calendar = new Calendar { ProductId = "-//MeetingTracker//Meetings//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"{teamName} meetings");
        foreach (var meeting in meetings.OrderBy(m => m.StartedAt))
        {
            calendar.Events.Add(Event(site, teamName, meeting));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>The event's UID: the meeting id (kept across re-reads) and the site's host, as RFC 5545 suggests.</summary>
    public static string Uid(Uri site, int meetingId)
    {
        ArgumentNullException.ThrowIfNull(site);
        return string.Create(CultureInfo.InvariantCulture, $"meeting-{meetingId}@{site.Host}");
    }

    private static CalendarEvent Event(Uri site, string teamName, FeedMeeting meeting)
    {
        var e = new CalendarEvent
        {
            Uid = Uid(site, meeting.Id),
            DtStamp = Utc(meeting.ReadAt),
            DtStart = Utc(meeting.StartedAt),
            Summary = $"{teamName}: {meeting.DisplayTitle}",
            Url = new Uri(Links.Absolute(site, Links.Meeting(meeting.Id))),
            Description = meeting.Topics.Count == 0 ? "No topics were recorded." : "Topics:\n" + string.Join('\n', meeting.Topics.Select(t => "- " + t)),
        };

        // A meeting that never ended has no end; RFC 5545 then reads the event as an instant.
        if (meeting.EndedAt is { } ended && ended >= meeting.StartedAt) e.DtEnd = Utc(ended);
        return e;
    }

    private static CalDateTime Utc(DateTimeOffset time) => new(time.UtcDateTime, "UTC");
}
