using System.Globalization;
using MeetingTracker.Core;

namespace MeetingTracker.Web.Components.Common;

/// <summary>
/// The site's URLs, in one place: pages, API and feeds link to each other only through these. Relative (no leading
/// slash), as the page's <c>&lt;base href="/"&gt;</c> expects; <see cref="Absolute"/> for feeds and the API.
/// </summary>
public static class Links
{
    public const string Home = "";
    public const string Teams = "teams";
    public const string People = "people";
    public const string Actions = "actions";
    public const string Ideas = "ideas";
    public const string Stats = "stats";
    public const string AllMeetingsFeed = "feeds/meetings.atom";
    public const string Projects = "projects";

    public static string Team(string key) => SitePaths.Team(key);

    public static string TeamLatest(string key) => Team(key) + "/latest";

    public static string TeamTopics(string key) => SitePaths.TeamTopics(key);

    public static string TeamTopic(string key, string slug) => SitePaths.TeamTopic(key, slug);

    public static string TeamAgenda(string key) => SitePaths.TeamAgenda(key);

    /// <summary>A project's page: its key's segments escaped, its slashes kept (<c>projects/github.com/owner/repo</c>).</summary>
    public static string Project(string key) => Projects + "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A project's page narrowed to one ticket.</summary>
    public static string ProjectTicket(string key, string ticket) => Project(key) + "?ticket=" + Uri.EscapeDataString(ticket);

    /// <summary>A person's page by name; the page also resolves any of the person's nicks.</summary>
    public static string Person(string name) => "people/" + Uri.EscapeDataString(name);

    public static string Meeting(int id) => SitePaths.Meeting(id);

    /// <summary>The <c>l-N</c> anchor of a log line on the meeting page (MeetBot's own anchor name).</summary>
    public static string LogLine(int meetingId, int line) => Meeting(meetingId) + "#" + LineAnchor(line);

    public static string LineAnchor(int line) => "l-" + line.ToString(CultureInfo.InvariantCulture);

    /// <summary>The anchor of a minutes item on the meeting page, by its stable per-meeting number.</summary>
    public static string ItemAnchor(int number) => "item-" + number.ToString(CultureInfo.InvariantCulture);

    public static string Item(int meetingId, int number) => Meeting(meetingId) + "#" + ItemAnchor(number);

    /// <summary>An action chain's page, by the chain's id (its first item's).</summary>
    public static string Action(int chainId) => SitePaths.Action(chainId);

    public static string Idea(int ideaId) => SitePaths.Idea(ideaId);

    public const string Help = "help";

    public static string ActionFeed(int chainId) => "feeds/actions/" + chainId.ToString(CultureInfo.InvariantCulture) + ".atom";

    public static string IdeaFeed(int ideaId) => "feeds/ideas/" + ideaId.ToString(CultureInfo.InvariantCulture) + ".atom";

    public static string Search(string query) => "search?q=" + Uri.EscapeDataString(query);

    public static string TeamFeed(string key) => "feeds/teams/" + Uri.EscapeDataString(key) + ".atom";

    public static string TeamCalendar(string key) => "feeds/teams/" + Uri.EscapeDataString(key) + ".ics";

    public static string PersonFeed(string name) => "feeds/people/" + Uri.EscapeDataString(name) + ".atom";

    /// <summary><paramref name="relative"/> under the request's base URI (feeds and API answers carry absolute links).</summary>
    public static string Absolute(Uri baseUri, string relative)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        return new Uri(baseUri, relative).AbsoluteUri; // ToString() would unescape %20 and the like
    }
}
