using System.Net;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Common;

/// <summary>Unknown pages get the site's not-found page; the API and feeds keep their own 404 answers.</summary>
public sealed class NotFoundTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("no/such/page")]
    [InlineData("meetings/999999")]
    public async Task Pages_answer_404_with_the_not_found_page(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("api/meetings/999999")]
    [InlineData("api/no-such-route")]
    [InlineData("feeds/teams/no-such-team.atom")]
    public async Task The_api_and_feeds_answer_404_without_the_html_page(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Absolute_links_keep_their_escapes()
        => Assert.Equal("http://example.org/people/a%20b", Links.Absolute(new Uri("http://example.org/"), Links.Person("a b")));
}
