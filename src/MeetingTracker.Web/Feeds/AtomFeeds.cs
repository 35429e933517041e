using System.Globalization;
using System.ServiceModel.Syndication;
using MeetingTracker.Web.Components.Common;

namespace MeetingTracker.Web.Feeds;

/// <summary>
/// Meetings as an Atom feed: one entry per meeting, linking to its page with absolute URLs; with <c>others</c> (a
/// team's state changes), all entries newest first by their update time, at most <see cref="FeedQueries.AtomEntries"/>.
/// </summary>
public static class AtomFeeds
{
    public static SyndicationFeed Build(
        Uri site, string selfPath, string alternatePath, string title, IReadOnlyList<FeedMeeting> meetings, DateTimeOffset now, IReadOnlyList<SyndicationItem>? others = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(meetings);
        var self = new Uri(Links.Absolute(site, selfPath));
        var items = meetings.Select(m => Entry(site, m)).ToList();
        if (others is { Count: > 0 })
        {
            items = [.. items.Concat(others).OrderByDescending(i => i.LastUpdatedTime).Take(FeedQueries.AtomEntries)];
        }

        var feed = new SyndicationFeed(title, null, new Uri(Links.Absolute(site, alternatePath)), self.ToString(), items.Count == 0 ? now : items.Max(i => i.LastUpdatedTime))
        {
            Generator = "MeetingTracker",
            Items = items,
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        feed.Authors.Add(new SyndicationPerson { Name = "MeetingTracker" });
        return feed;
    }

    private static SyndicationItem Entry(Uri site, FeedMeeting meeting)
    {
        var url = new Uri(Links.Absolute(site, Links.Meeting(meeting.Id)));
        var day = meeting.StartedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = meeting.DisplayTitle.Contains(day, StringComparison.Ordinal) ? $"{meeting.TeamName}: {meeting.DisplayTitle}" : $"{meeting.TeamName}: {meeting.DisplayTitle} ({day})";
        var item = new SyndicationItem(title, (SyndicationContent?)null, url, url.ToString(), meeting.Updated)
        {
            Summary = new TextSyndicationContent(meeting.Summary()),
            PublishDate = meeting.StartedAt,
        };
        if (!string.IsNullOrEmpty(meeting.StartedBy)) item.Authors.Add(new SyndicationPerson { Name = meeting.StartedBy });
        return item;
    }
}
