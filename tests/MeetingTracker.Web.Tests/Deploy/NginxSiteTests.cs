using System.Net;
using System.Text.RegularExpressions;

namespace MeetingTracker.Web.Tests.Deploy;

/// <summary>
/// Issue 16: the nginx site the admin installs (<c>deploy/nginx/meetingtracker.conf</c>), run by Debian's nginx in
/// front of two real web hosts (<see cref="NginxRig"/>): it balances over both and skips a stopped one, sends the
/// client's address and scheme the way the host reads them, keeps fingerprinted static files and limits /jobs.
/// </summary>
public sealed partial class NginxSiteTests(NginxRig rig) : IClassFixture<NginxRig>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Requests are spread over both nodes (each host logs some of them); once node 1 is stopped with SIGTERM, as
    /// systemd stops it for an upgrade, every request is still answered, by node 2 (<c>proxy_next_upstream</c>).
    /// </summary>
    [Fact]
    public async Task Requests_reach_both_nodes_and_a_stopped_node_is_skipped()
    {
        using var client = rig.Client();
        for (var i = 0; i < 6; i++)
        {
            using var answer = await client.GetAsync(new Uri($"teams?probe=both-{i}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        foreach (var node in rig.Nodes)
        {
            Assert.True(await node.LoggedRequestAsync("probe=both-"), "a node got none of the requests: " + node.Output);
        }

        await rig.Nodes[0].TerminateAsync();
        for (var i = 0; i < 6; i++)
        {
            using var answer = await client.GetAsync(new Uri($"teams?probe=one-{i}", UriKind.Relative), Ct);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"request {i} with node 1 stopped: {answer.StatusCode}; nginx: {rig.ErrorLog}");
            Assert.True(await rig.Nodes[1].LoggedRequestAsync($"probe=one-{i}"), $"node 2 did not log request {i}: " + rig.Nodes[1].Output);
        }
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_with_the_same_host_and_path()
    {
        using var client = rig.Client(https: false);
        using var answer = await client.GetAsync(new Uri("teams?page=2", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, answer.StatusCode);
        Assert.Equal(new Uri($"https://{NginxRig.SiteName}/teams?page=2"), answer.Headers.Location);
    }

    /// <summary>
    /// X-Forwarded-Proto and Host arrive: the host's own absolute addresses (the sign-in redirect, a feed's links) are
    /// https on the public name, not the http on loopback it listens on.
    /// </summary>
    [Fact]
    public async Task The_host_builds_https_addresses_on_the_public_name()
    {
        using var client = rig.Client();
        using var account = await client.GetAsync(new Uri("account", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Found, account.StatusCode);
        Assert.Equal(new Uri($"https://{NginxRig.SiteName}/account/login?ReturnUrl=%2Faccount"), account.Headers.Location);

        var feed = await client.GetStringAsync(new Uri("feeds/meetings.atom", UriKind.Relative), Ct);
        Assert.Contains($"href=\"https://{NginxRig.SiteName}/feeds/meetings.atom\"", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", feed.Replace("http://www.w3.org/2005/Atom", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>
    /// The stylesheets the home page links to by fingerprinted name come with a year's immutable Cache-Control, the
    /// second time from nginx's cache; the same file by its plain name is not kept (the host's no-cache stands).
    /// </summary>
    [Fact]
    public async Task Fingerprinted_static_files_are_cached_for_a_year_and_plain_ones_are_not()
    {
        using var client = rig.Client();
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var sheets = Stylesheet().Matches(home).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, sheets.Count);
        Assert.Contains(sheets, s => s.StartsWith("app.", StringComparison.Ordinal));

        foreach (var sheet in sheets)
        {
            foreach (var expected in (string[])["MISS", "HIT"])
            {
                using var answer = await client.GetAsync(new Uri(sheet, UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Equal("text/css", answer.Content.Headers.ContentType?.MediaType);
                Assert.Equal((TimeSpan?)TimeSpan.FromDays(365), answer.Headers.CacheControl?.MaxAge);
                Assert.False(answer.Headers.CacheControl!.NoCache, $"Cache-Control of {sheet}: {answer.Headers.CacheControl}");
                Assert.Contains("immutable", answer.Headers.CacheControl!.Extensions.Select(e => e.Name));
                Assert.Equal(expected, Assert.Single(answer.Headers.GetValues("X-Cache-Status")));
            }
        }

        using var plain = await client.GetAsync(new Uri("app.css", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(plain.Headers.CacheControl?.NoCache, $"Cache-Control of app.css: {plain.Headers.CacheControl}");
        Assert.False(plain.Headers.Contains("X-Cache-Status"));
    }

    /// <summary>
    /// /jobs: from the machine itself nginx passes it and the host shows the dashboard, also when the client sends an
    /// X-Forwarded-For of its own naming a remote address (nginx puts the address it sees last, which is the one the
    /// host trusts; passed on as sent, the host would refuse with 401); from an address nginx does not allow, nginx
    /// refuses (its own 403, none of the host's headers), while the rest of the site answers it.
    /// </summary>
    [Fact]
    public async Task Jobs_dashboard_is_for_this_machine_only()
    {
        using (var local = rig.Client())
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("jobs", UriKind.Relative)))
        {
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            using var answer = await local.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("MeetingTracker jobs", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var outside = rig.Client(NginxRig.OutsideClient);
        using (var answer = await outside.GetAsync(new Uri("jobs/recurring", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            Assert.Contains("<center>nginx</center>", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.False(answer.Headers.Contains("Content-Security-Policy"), "the 403 came from the host");
        }

        using var teams = await outside.GetAsync(new Uri("teams", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, teams.StatusCode);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"/]+\\.[a-z0-9]{10}\\.(?:styles\\.)?css)\"")]
    private static partial Regex Stylesheet();
}
