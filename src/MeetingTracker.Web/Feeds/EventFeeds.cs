using System.Globalization;
using System.ServiceModel.Syndication;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;

namespace MeetingTracker.Web.Feeds;

/// <summary>
/// What people said about actions and ideas as Atom entries: one per event, titled in a few words ("alice: need help",
/// "bob took it over"), the note and link as content, the account's shown name as author. An entry's id is the page's
/// <c>#event-N</c> URL, so the same event in an action's feed and in its team's feed is one entry to a reader.
/// </summary>
public static class EventFeeds
{
    /// <summary>The kinds a team feed shows: changes of where things stand and who has them (not comments or offers).</summary>
    public static readonly IReadOnlySet<EventKind> StateChanges = new HashSet<EventKind> { EventKind.State, EventKind.Take, EventKind.Reassign, EventKind.Champion };

    public static SyndicationFeed Build(Uri site, string selfPath, string pagePath, string title, DateTimeOffset updated, IEnumerable<SyndicationItem> entries)
    {
        ArgumentNullException.ThrowIfNull(site);
        var self = new Uri(Links.Absolute(site, selfPath));
        var items = entries.Take(FeedQueries.AtomEntries).ToList();
        var feed = new SyndicationFeed(title, null, new Uri(Links.Absolute(site, pagePath)), self.ToString(), items.Count == 0 ? updated : items.Max(i => i.LastUpdatedTime))
        {
            Generator = "MeetingTracker",
            Items = items,
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        feed.Authors.Add(new SyndicationPerson { Name = "MeetingTracker" });
        return feed;
    }

    /// <summary>The entry of one event on the page at <paramref name="pagePath"/>; <paramref name="about"/> names the subject (team feeds).</summary>
    public static SyndicationItem Entry(Uri site, string pagePath, AccountabilityEvent e, OwnerResolver names, string? about = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(names);
        var url = new Uri(Links.Absolute(site, pagePath + "#event-" + e.Id.ToString(CultureInfo.InvariantCulture)));
        var who = names.AccountName(e.AccountId);
        var title = Title(e, who);
        var item = new SyndicationItem(about is null ? title : $"{title}: {about}", (SyndicationContent?)null, url, url.ToString(), e.At)
        {
            PublishDate = e.At,
        };
        if (Content(e) is { } text) item.Content = new TextSyndicationContent(text);
        item.Authors.Add(new SyndicationPerson { Name = who });
        return item;
    }

    /// <summary>What happened, in a few neutral words.</summary>
    public static string Title(AccountabilityEvent e, string who)
    {
        ArgumentNullException.ThrowIfNull(e);
        return $"{who} {EventWords.Of(e)}";
    }

    /// <summary>The note and the link, one per line (the library encodes them); null when there is neither.</summary>
    public static string? Content(AccountabilityEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var lines = new[] { e.Note, e.Link }.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>The state changes of a team's actions and ideas (the chain's or trail's team), newest first.</summary>
    public static List<(AccountabilityEvent Event, string Page, string About)> TeamChanges(Standings standings, int teamId)
    {
        ArgumentNullException.ThrowIfNull(standings);
        var (snapshot, ledger) = (standings.Snapshot, standings.Ledger);
        var actions = ledger.Actions
            .Select(a => (Chain: snapshot.Action(a.Key), a.Value.Events))
            .Where(a => a.Chain?.TeamId == teamId)
            .SelectMany(a => a.Events.Where(e => StateChanges.Contains(e.Kind)).Select(e => (e, Links.Action(a.Chain!.Id), "action " + a.Chain.Text)));
        var ideas = ledger.Ideas
            .Select(i => (Trail: snapshot.Idea(i.Key), i.Value.Events))
            .Where(i => i.Trail?.TeamId == teamId)
            .SelectMany(i => i.Events.Where(e => StateChanges.Contains(e.Kind)).Select(e => (e, Links.Idea(i.Trail!.Idea.ItemId), "idea " + i.Trail.Idea.Text)));
        return [.. actions.Concat(ideas).OrderByDescending(c => c.e.At).ThenByDescending(c => c.e.Id)];
    }

}
