using System.Globalization;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.LogGen.Generation;
using MeetingTracker.LogGen.Serving;

namespace MeetingTracker.Core.Tests.Harvesting.Http;

/// <summary>A listing that links elsewhere: another server, other paths of the same host. None of it is asked for.</summary>
public sealed class HttpSourceScopeTests
{
    [Fact]
    public async Task Links_off_the_base_url_cause_no_request()
    {
        await using var other = await ServedTree.StartAsync(ServerLayout.Debian, ListingStyle.Apache);
        await using var tree = await ServedTree.StartAsync(ListingStyle.Nginx, dir =>
        {
            ServerGenerator.WriteTo(Path.Combine(dir, "chan"), new GeneratorOptions { Layout = ServerLayout.Debian, Teams = 1, Weeks = 2 }, TestContext.Current.CancellationToken);
            Directory.CreateDirectory(Path.Combine(dir, "elsewhere"));
        });
        var port = tree.Server.BaseUri.Port.ToString(CultureInfo.InvariantCulture);
        var links = new[]
        {
            "chan/", other.Server.BaseUri.ToString(), new Uri(other.Server.BaseUri, Directory.GetDirectories(other.Root).Select(Path.GetFileName).First() + "/").ToString(),
            "/elsewhere/", "/", "../", "?C=M;O=A", "javascript:alert(1)", "mailto:a@b.example", $"http://127.0.0.1:{port}/meetbot/chan/",
            $"//127.0.0.1:{port}/other-path/", "http://127.0.0.1:1/meetbot/chan/",
        };
        tree.Dir.Write("index.html", "<html><body>" + string.Concat(links.Select(l => $"<a href=\"{l}\">{l}</a>\n")) + "</body></html>");

        var listing = await tree.Source(new SourceTraffic()).ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken);

        Assert.NotEmpty(listing.Entries);
        Assert.All(listing.Entries, e => Assert.StartsWith("chan/", e.Path, StringComparison.Ordinal));
        Assert.Empty(listing.Failures);
        Assert.Equal(0, other.Server.Log.Requests);
        Assert.All(tree.Server.Log.Paths, p => Assert.StartsWith("/meetbot/", p, StringComparison.Ordinal));
        Assert.Single(tree.Server.Log.Paths, "/meetbot/chan/");
        Assert.DoesNotContain("/meetbot/elsewhere/", tree.Server.Log.Paths);
    }
}
