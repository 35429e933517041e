using System.Globalization;

namespace MeetingTracker.Core;

/// <summary>
/// The site's paths that Core writes into what it makes (mail, agendas): relative, without a leading slash, the same
/// ones the web project's <c>Links</c> gives its pages (which call these), so a route has one spelling.
/// </summary>
public static class SitePaths
{
    public static string Team(string key) => "teams/" + Uri.EscapeDataString(key);

    public static string TeamTopics(string key) => Team(key) + "/topics";

    public static string TeamTopic(string key, string slug) => TeamTopics(key) + "/" + Uri.EscapeDataString(slug);

    public static string TeamAgenda(string key) => Team(key) + "/agenda";

    public static string Meeting(int id) => "meetings/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>An action chain's page, by the chain's id (its first item's).</summary>
    public static string Action(int chainId) => "actions/" + chainId.ToString(CultureInfo.InvariantCulture);

    public static string Idea(int ideaId) => "ideas/" + ideaId.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="path"/> under the site's public address (with or without its trailing slash).</summary>
    public static string Absolute(Uri root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = root.AbsoluteUri;
        return (text.EndsWith('/') ? text : text + "/") + path;
    }
}
