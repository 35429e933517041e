using System.Globalization;

namespace MeetingTracker.Core.Projects;

/// <summary>
/// Which project and ticket a URL points at, from the shape of its path: each forge and tracker software lays its
/// addresses out its own way, on any host it runs on (a self-hosted GitLab is recognised like gitlab.com):
/// <list type="bullet">
/// <item>GitLab: <c>/group/sub/project/-/issues/N</c>, <c>/-/merge_requests/N</c>; anything under <c>/-/</c> is the repository.</item>
/// <item>GitHub, Gitea, Forgejo: <c>/owner/repo/issues/N</c>, <c>/pull/N</c>, <c>/pulls/N</c>; <c>/owner/repo/tree|blob|commit|commits|compare/…</c> is the repository.</item>
/// <item>Pagure: <c>/[namespace/]repo/issue/N</c>, <c>/pull-request/N</c>.</item>
/// <item>Bugzilla: <c>show_bug.cgi?id=N</c>; Debian's debbugs: <c>bugreport.cgi?bug=N</c>; and the short forms both
/// serve, a number as the whole path on a host named <c>bugzilla.*</c> or <c>bugs.*</c>. The tracker is the host
/// (with the path before the script, for a Bugzilla installed under one; a last <c>cgi-bin</c> is not part of it).</item>
/// <item>Launchpad: <c>/…/+bug/N</c> and <c>/bugs/N</c>. Launchpad numbers its bugs once for all its projects and hosts,
/// so every Launchpad bug is one tracker's, <c>bugs.launchpad.net</c>.</item>
/// </list>
/// A bare repository address (no ticket, no marker above) is known only on the public forges the project names as
/// sources of references, where the first path segments are always the repository: github.com (<c>owner/repo</c>),
/// gitlab.com (the whole path) and pagure.io (<c>repo</c>, <c>namespace/repo</c> or <c>fork/user/repo</c>, up to Pagure's
/// own pages such as <c>issues</c>).
/// </summary>
public static class ForgeUrl
{
    // Path segments after owner/repo that only a code forge's repository pages have (GitHub, Gitea, Forgejo, GitLab's old layout).
    private static readonly string[] RepositoryMarkers = ["tree", "blob", "commit", "commits", "compare"];

    // Pagure's pages under a repository; what comes before the first is the repository.
    private static readonly string[] PagurePages = ["issues", "issue", "pull-requests", "pull-request", "blob", "tree", "c", "commits", "branches", "releases", "roadmap", "boards", "forks", "raw", "stats"];

    /// <summary>The reference a URL makes, or null when it is not a repository's or tracker's address.</summary>
    public static ProjectReference? Classify(string url, int start = 0)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var query = uri.Query.TrimStart('?');
        return Bugzilla(host, segments, query, url, start)
            ?? Launchpad(host, segments, url, start)
            ?? GitLab(host, segments, url, start)
            ?? Pagure(host, segments, url, start)
            ?? GitHub(host, segments, url, start)
            ?? BareRepository(host, segments, url, start);
    }

    private const string LaunchpadKey = "bugs.launchpad.net";

    private static ProjectReference? Bugzilla(string host, string[] segments, string query, string url, int start)
    {
        var script = Array.FindIndex(segments, s => s is "show_bug.cgi" or "bugreport.cgi");
        if (script >= 0 && script == segments.Length - 1)
        {
            var id = QueryValue(query, segments[script] == "show_bug.cgi" ? "id" : "bug");
            if (!IsNumber(id)) return null;
            // The path before the script is where the tracker is installed; a last cgi-bin is only the CGI convention's
            // folder (debbugs' bugreport.cgi, some Bugzillas), the same tracker as its short addresses.
            var installed = segments[..script].Select(s => s.ToLowerInvariant()).ToList();
            if (installed.Count > 0 && installed[^1] == "cgi-bin") installed.RemoveAt(installed.Count - 1);
            var key = string.Join('/', [host, .. installed]);
            return Tracker(key, $"https://{host}/{string.Join('/', segments[..(script + 1)])}?{(segments[script] == "show_bug.cgi" ? "id" : "bug")}={id}", id!, url, start);
        }

        var label = host.Split('.')[0];
        if (segments.Length == 1 && IsNumber(segments[0]) && label is "bugzilla" or "bugs" && !IsLaunchpad(host))
        {
            return Tracker(host, $"https://{host}/{segments[0]}", segments[0], url, start);
        }

        return null;
    }

    private static ProjectReference? Launchpad(string host, string[] segments, string url, int start)
    {
        var plus = Array.IndexOf(segments, "+bug");
        var id = plus >= 0 && plus + 1 < segments.Length ? segments[plus + 1]
            : segments.Length >= 2 && segments[0] == "bugs" && IsLaunchpad(host) ? segments[1]
            : segments.Length == 1 && IsLaunchpad(host) && host.StartsWith("bugs.", StringComparison.Ordinal) ? segments[0]
            : null;
        if (!IsNumber(id)) return null;
        return Tracker(LaunchpadKey, $"https://{LaunchpadKey}/bugs/{id}", id!, url, start);
    }

    private static bool IsLaunchpad(string host) => host == "launchpad.net" || host.EndsWith(".launchpad.net", StringComparison.Ordinal);

    private static ProjectReference? GitLab(string host, string[] segments, string url, int start)
    {
        var dash = Array.IndexOf(segments, "-");
        if (dash < 1) return null;
        var repository = Repository(host, segments[..dash]);
        if (dash + 2 < segments.Length && IsNumber(segments[dash + 2]))
        {
            var kind = segments[dash + 1] switch
            {
                "issues" => TicketKind.Issue,
                "merge_requests" => TicketKind.PullRequest,
                _ => (TicketKind?)null,
            };
            if (kind is { } k)
            {
                return repository with { TicketKind = k, Ticket = segments[dash + 2], Url = $"{repository.ProjectUrl}/-/{segments[dash + 1]}/{segments[dash + 2]}", Start = start, Length = url.Length };
            }
        }

        return repository with { Start = start, Length = url.Length };
    }

    private static ProjectReference? Pagure(string host, string[] segments, string url, int start)
    {
        var at = Array.FindIndex(segments, s => s is "issue" or "pull-request");
        if (at < 1 || at + 1 >= segments.Length || !IsNumber(segments[at + 1])) return null;
        var repository = Repository(host, segments[..at]);
        var kind = segments[at] == "issue" ? TicketKind.Issue : TicketKind.PullRequest;
        return repository with { TicketKind = kind, Ticket = segments[at + 1], Url = $"{repository.ProjectUrl}/{segments[at]}/{segments[at + 1]}", Start = start, Length = url.Length };
    }

    private static ProjectReference? GitHub(string host, string[] segments, string url, int start)
    {
        if (segments.Length < 3 || IsGitHubAccountPage(host, segments[0])) return null;
        var repository = Repository(host, segments[..2]);
        if (segments.Length >= 4 && IsNumber(segments[3]))
        {
            var kind = segments[2] switch
            {
                "issues" => TicketKind.Issue,
                "pull" or "pulls" => TicketKind.PullRequest,
                _ => (TicketKind?)null,
            };
            if (kind is { } k)
            {
                var path = k == TicketKind.Issue ? "issues" : segments[2];
                return repository with { TicketKind = k, Ticket = segments[3], Url = $"{repository.ProjectUrl}/{path}/{segments[3]}", Start = start, Length = url.Length };
            }
        }

        return RepositoryMarkers.Contains(segments[2]) || (segments[2] is "issues" or "pulls" && segments.Length == 3)
            ? repository with { Start = start, Length = url.Length }
            : null;
    }

    private static ProjectReference? BareRepository(string host, string[] segments, string url, int start)
    {
        string[]? path = host switch
        {
            "github.com" when segments.Length >= 2 && !IsGitHubAccountPage(host, segments[0]) => segments[..2],
            "gitlab.com" when segments.Length >= 2 => segments,
            "pagure.io" when segments.Length >= 1 => PagureRepository(segments),
            _ => null,
        };
        return path is null ? null : Repository(host, path) with { Start = start, Length = url.Length };
    }

    // A fork is fork/user/repo; otherwise repo or namespace/repo, up to the first of Pagure's own pages.
    private static string[] PagureRepository(string[] segments)
    {
        if (segments[0] == "fork" && segments.Length >= 3) return segments[..3];
        var page = Array.FindIndex(segments, s => PagurePages.Contains(s));
        return page >= 1 ? segments[..page] : segments[..Math.Min(2, segments.Length)];
    }

    // GitHub's own pages under the first segment: an organisation's or a user's, not a repository's.
    private static bool IsGitHubAccountPage(string host, string first) => host == "github.com" && first is "orgs" or "users" or "settings" or "sponsors";

    private static ProjectReference Repository(string host, string[] path)
    {
        var parts = path.Select(p => p.ToLowerInvariant()).ToArray();
        parts[^1] = parts[^1].EndsWith(".git", StringComparison.Ordinal) ? parts[^1][..^4] : parts[^1];
        var key = $"{host}/{string.Join('/', parts)}";
        return new ProjectReference(key, ProjectKind.Repository, "https://" + key, null, null, "https://" + key, 0, 0);
    }

    private static ProjectReference Tracker(string key, string ticketUrl, string id, string url, int start)
        => new(key, ProjectKind.Tracker, "https://" + key, TicketKind.Bug, id, ticketUrl, start, url.Length);

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq] == name) return Uri.UnescapeDataString(pair[(eq + 1)..]);
        }

        return null;
    }

    private static bool IsNumber(string? s) => !string.IsNullOrEmpty(s) && s.Length <= 12 && s.All(char.IsAsciiDigit)
        && long.Parse(s, CultureInfo.InvariantCulture) > 0;
}
