using System.Net;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.LogGen.Generation;
using MeetingTracker.LogGen.Serving;

namespace MeetingTracker.Core.Tests.Harvesting.Http;

/// <summary>The test server behaves as the real ones where the harvester depends on it.</summary>
public sealed class MeetbotHttpServerTests
{
    [Theory]
    [InlineData(ListingStyle.Apache)]
    [InlineData(ListingStyle.Nginx)]
    public async Task Listings_carry_validators_and_answer_conditional_requests_with_304(ListingStyle style)
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Debian, style);
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        using var first = await http.GetAsync(tree.Server.BaseUri, ct);
        using var byTag = new HttpRequestMessage(HttpMethod.Get, tree.Server.BaseUri);
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await http.SendAsync(byTag, ct);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, tree.Server.BaseUri);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var third = await http.SendAsync(byDate, ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.TransferEncodingChunked);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, third.StatusCode);
        Assert.Equal(1, tree.Server.Log.Bodies);
        Assert.Equal(2, tree.Server.Log.NotModified);
    }

    [Fact]
    public async Task A_folder_asked_without_its_slash_is_redirected_and_other_paths_are_404()
    {
        await using var tree = await ServedTree.StartAsync(ServerLayout.Debian, ListingStyle.Apache);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var folder = Path.GetFileName(Directory.GetDirectories(tree.Root)[0]);

        using var redirect = await http.GetAsync(new Uri(tree.Server.BaseUri, folder), TestContext.Current.CancellationToken);
        using var outside = await http.GetAsync(new Uri(tree.Server.BaseUri, "/elsewhere/"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"{tree.Server.BaseUri.AbsolutePath}{folder}/", redirect.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task Symlinks_are_followed_like_apache_does()
    {
        await using var tree = await ServedTree.StartAsync(ListingStyle.Nginx, dir =>
        {
            ServerGenerator.WriteTo(dir, new GeneratorOptions { Layout = ServerLayout.Fedora, Teams = 2, Weeks = 2 }, TestContext.Current.CancellationToken);
            var day = Directory.GetDirectories(Directory.GetDirectories(dir)[0])[0];
            var file = Directory.GetFiles(day, "*.log.txt")[0];
            var team = Directory.CreateDirectory(Path.Combine(dir, "teams", "docs")).FullName;
            File.CreateSymbolicLink(Path.Combine(team, Path.GetFileName(file)), file);
            Directory.CreateSymbolicLink(Path.Combine(dir, "teams", "day"), day);
        });
        var source = tree.Source(new SourceTraffic());

        var listing = await source.ListAsync(NoListingCache.Instance, TestContext.Current.CancellationToken);

        var expected = await tree.FolderListingAsync(tree.Options());
        Assert.Equal(expected.Entries.OrderBy(e => e.Path, StringComparer.Ordinal).Select(e => (e.Path, e.Length)), listing.Entries.Select(e => (e.Path, e.Length)));
        var linked = listing.Entries.First(e => e.Path.StartsWith("teams/docs/", StringComparison.Ordinal));
        var fetched = await source.FetchAsync(linked, null, TestContext.Current.CancellationToken);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(tree.Root, linked.Path), TestContext.Current.CancellationToken), fetched.Content);
        Assert.Contains(listing.Entries, e => e.Path.StartsWith("teams/day/", StringComparison.Ordinal));
    }
}
