using System.Text.RegularExpressions;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Projects;

/// <summary>
/// A team's own ticket notation (<c>MeetingTracker:Teams:{team}:References</c>): a regular expression whose first
/// group (or whole match) is the ticket, and the URL it stands for, with <c>$1</c> (or <c>$0</c>) where the ticket goes;
/// e.g. <c>#(\d+)</c> and <c>https://pagure.io/fedora-infrastructure/issue/$1</c>.
/// </summary>
public sealed class ReferencePattern
{
    public string Pattern { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;
}

/// <summary>
/// Finds the projects and tickets a meeting's messages mention (IRC formatting removed first), in this order, a later
/// kind never overlapping an earlier one:
/// <list type="number">
/// <item>URLs, read by <see cref="ForgeUrl"/> (trailing punctuation and an unbalanced closing bracket are not part of one);</item>
/// <item>the two bare notations communities write for their distribution's tracker: <c>rhbz#N</c> (Red Hat's Bugzilla,
/// as Fedora writes it) and <c>LP: #N</c> (Launchpad, as Ubuntu and Debian changelogs write it);</item>
/// <item>the team's own patterns (<see cref="ReferencePattern"/>);</item>
/// <item><c>bug N</c> (also <c>bug #N</c>, <c>bz N</c>): a bare number names no tracker, so it is taken as the ticket of
/// that number the same meeting links to (the bot's answer to it, or a URL someone pasted), and is left out otherwise.</item>
/// </list>
/// Times (<c>12:30</c>), versions (<c>bug 1.2</c>), channels (<c>#fedora-meeting</c>) and colour codes are not tickets.
/// </summary>
public sealed partial class ReferenceFinder
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly (Regex Pattern, string Url, ProjectReference? Project)[] patterns;

    /// <summary>Compiles a team's patterns; a pattern that does not compile is refused with its reason.</summary>
    public ReferenceFinder(IEnumerable<ReferencePattern>? teamPatterns = null)
    {
        patterns = [.. (teamPatterns ?? []).Select(Compile)];
    }

    /// <summary>The references of each message of one meeting, in order (bare bug numbers resolved within the meeting).</summary>
    public IReadOnlyList<IReadOnlyList<ProjectReference>> FindInMeeting(IReadOnlyList<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // A meeting's messages mostly mention nothing: those cost a few vectorised scans and no allocation.
        var found = new IReadOnlyList<ProjectReference>[messages.Count];
        List<(int Message, int Start, int Length, string Number)>? bare = null;
        Dictionary<string, ProjectReference>? trackerTickets = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var text = IrcText.Clean(messages[i] ?? string.Empty);
            if (patterns.Length == 0 && !MayMention(text))
            {
                found[i] = [];
                continue;
            }

            var list = new List<ProjectReference>();
            var taken = new List<(int Start, int End)>();
            Urls(text, list, taken);
            Notations(text, list, taken);
            TeamPatterns(text, list, taken);
            foreach (var r in list)
            {
                if (r.Ticket is null) continue;

                // The first ticket of that number, a tracker's bug before any other: "bug N" is what people call those.
                trackerTickets ??= new Dictionary<string, ProjectReference>(StringComparer.Ordinal);
                var known = trackerTickets.GetValueOrDefault(r.Ticket);
                if (known is null || (known.TicketKind != TicketKind.Bug && r.TicketKind == TicketKind.Bug)) trackerTickets[r.Ticket] = r;
            }

            if (MayNameBug(text))
            {
                foreach (Match m in BareBug().Matches(text))
                {
                    if (!Overlaps(taken, m.Index, m.Length)) (bare ??= []).Add((i, m.Index, m.Length, m.Groups[1].Value.TrimStart('0')));
                }
            }

            found[i] = list;
        }

        foreach (var (message, start, length, number) in bare ?? [])
        {
            if (trackerTickets?.TryGetValue(number, out var ticket) == true)
            {
                ((List<ProjectReference>)found[message]).Add(ticket with { Start = start, Length = length });
            }
        }

        for (var i = 0; i < found.Length; i++)
        {
            if (found[i] is List<ProjectReference> list) found[i] = list.Count == 0 ? [] : Distinct(list);
        }

        return found;
    }

    // Every built-in form has one of these: a URL's "://", rhbz's "bz", "LP: #", bug's "bug" (the regexes decide).
    private static bool MayMention(string text)
        => text.Contains("://", StringComparison.Ordinal) || MayNameBug(text)
            || (text.Contains('#', StringComparison.Ordinal) && text.Contains("lp", StringComparison.OrdinalIgnoreCase));

    private static bool MayNameBug(string text)
        => text.Contains("bug", StringComparison.OrdinalIgnoreCase) || text.Contains("bz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The references of one message alone.</summary>
    public IReadOnlyList<ProjectReference> Find(string message) => FindInMeeting([message])[0];

    private static void Urls(string text, List<ProjectReference> found, List<(int, int)> taken)
    {
        foreach (Match m in Url().Matches(text))
        {
            var url = TrimUrl(m.Value);
            taken.Add((m.Index, m.Index + url.Length));
            if (ForgeUrl.Classify(url, m.Index) is { } reference) found.Add(reference);
        }
    }

    private static void Notations(string text, List<ProjectReference> found, List<(int, int)> taken)
    {
        foreach (Match m in RedHatBugzilla().Matches(text))
        {
            if (Take(taken, m)) found.Add(Bug("bugzilla.redhat.com", $"https://bugzilla.redhat.com/show_bug.cgi?id={m.Groups[1].Value}", m));
        }

        foreach (Match m in LaunchpadBug().Matches(text))
        {
            if (Take(taken, m)) found.Add(Bug("bugs.launchpad.net", $"https://bugs.launchpad.net/bugs/{m.Groups[1].Value}", m));
        }
    }

    private void TeamPatterns(string text, List<ProjectReference> found, List<(int, int)> taken)
    {
        foreach (var (pattern, template, project) in patterns)
        {
            MatchCollection matches;
            try
            {
                matches = pattern.Matches(text);
                _ = matches.Count;
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }

            foreach (Match m in matches)
            {
                var ticket = (m.Groups.Count > 1 ? m.Groups[1].Value : m.Value).TrimStart('0');
                if (ticket.Length == 0 || !Take(taken, m)) continue;
                var url = m.Result(template);
                var reference = ForgeUrl.Classify(url, m.Index) is { Ticket: not null } classified
                    ? classified with { Length = m.Length, Ticket = ticket }
                    : project! with { TicketKind = project.ProjectKind == ProjectKind.Tracker ? TicketKind.Bug : TicketKind.Issue, Ticket = ticket, Url = url, Start = m.Index, Length = m.Length };
                found.Add(reference);
            }
        }
    }

    private static (Regex, string, ProjectReference?) Compile(ReferencePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Regex regex;
        try
        {
            regex = new Regex(pattern.Pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"reference pattern '{pattern.Pattern}' is not a valid regular expression: {e.Message}", nameof(pattern), e);
        }

        if (!Uri.TryCreate(pattern.Url.Replace("$1", "1", StringComparison.Ordinal).Replace("$0", "1", StringComparison.Ordinal), UriKind.Absolute, out var sample)
            || sample.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"reference pattern '{pattern.Pattern}': its URL '{pattern.Url}' is not an http(s) address with $1 where the ticket goes", nameof(pattern));
        }

        return (regex, pattern.Url, TemplateProject(pattern.Url));
    }

    // The project a template's tickets belong to: what ForgeUrl reads from a sample address, or else the template's
    // host and path up to the query or the last "/" before its placeholder, as a tracker.
    private static ProjectReference TemplateProject(string template)
    {
        var sample = template.Replace("$1", "1", StringComparison.Ordinal).Replace("$0", "1", StringComparison.Ordinal);
        if (ForgeUrl.Classify(sample) is { } known) return known with { TicketKind = null, Ticket = null, Url = known.ProjectUrl, Start = 0, Length = 0 };
        var head = template[..Math.Max(0, template.IndexOf('$', StringComparison.Ordinal))];
        head = head.Contains('?', StringComparison.Ordinal) ? head[..head.IndexOf('?', StringComparison.Ordinal)] : head[..(head.LastIndexOf('/') + 1)];
        var uri = new Uri(head.Length > "https://".Length ? head : template);
        var key = (uri.IdnHost + uri.AbsolutePath).ToLowerInvariant().TrimEnd('/');
        return new ProjectReference(key, ProjectKind.Tracker, "https://" + key, null, null, "https://" + key, 0, 0);
    }

    private static ProjectReference Bug(string tracker, string url, Match m)
        => new(tracker, ProjectKind.Tracker, "https://" + tracker, TicketKind.Bug, m.Groups[1].Value.TrimStart('0'), url, m.Index, m.Length);

    private static List<ProjectReference> Distinct(List<ProjectReference> list)
    {
        var seen = new HashSet<(string, string?)>();
        return [.. list.OrderBy(r => r.Start).Where(r => seen.Add((r.ProjectKey, r.Ticket)))];
    }

    private static bool Take(List<(int Start, int End)> taken, Match m)
    {
        if (Overlaps(taken, m.Index, m.Length)) return false;
        taken.Add((m.Index, m.Index + m.Length));
        return true;
    }

    private static bool Overlaps(List<(int Start, int End)> taken, int start, int length)
        => taken.Exists(t => start < t.End && t.Start < start + length);

    // A URL ends before a space or quote; trailing sentence punctuation is not part of it, nor a closing bracket it
    // does not open.
    private static string TrimUrl(string url)
    {
        var end = url.Length;
        while (end > 0)
        {
            var c = url[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '>')
            {
                end--;
            }
            else if (c is ')' or ']' or '}' && url.AsSpan(0, end).Count(c == ')' ? '(' : c == ']' ? '[' : '{') < url.AsSpan(0, end).Count(c))
            {
                end--;
            }
            else
            {
                break;
            }
        }

        return url[..end];
    }

    [GeneratedRegex(@"https?://[^\s<>""'`]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\w/])rhbz\s*[#:]?\s*#?(\d{1,9})(?!\w|[.:]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RedHatBugzilla();

    [GeneratedRegex(@"(?<![\w/])lp\s*:?\s*#(\d{1,9})(?!\w|[.:]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LaunchpadBug();

    [GeneratedRegex(@"(?<![\w/])(?:bug|bz)\s*#?\s*(\d{1,9})(?![\w]|[.:]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareBug();
}
