using System.Net;

namespace MeetingTracker.Web.Tests.Meetings;

public sealed partial class MeetingPageTests
{
    [Theory]
    [InlineData(".html", "")]
    [InlineData(".txt", "")]
    [InlineData(".log.html", "")]
    [InlineData(".log.txt", "#log")]
    public async Task Meetbot_folder_urls_redirect_permanently_to_the_meeting_page(string kind, string fragment)
    {
        var (meeting, id) = await GeneratedMeetings.RichAsync(site);

        var location = await RedirectAsync($"/{meeting.Directory}/{meeting.BaseName}{kind}");

        Assert.Equal($"/meetings/{id}{fragment}", location);
    }

    [Theory]
    [InlineData(".html", "")]
    [InlineData(".txt", "")]
    [InlineData(".log.html", "")]
    [InlineData(".log.txt", "#log")]
    public async Task Mote_team_urls_redirect_permanently_to_the_meeting_page(string kind, string fragment)
    {
        var (meeting, id) = await GeneratedMeetings.RichAsync(site);

        var location = await RedirectAsync($"/teams/{meeting.Team}/{meeting.BaseName}{kind}");

        Assert.Equal($"/meetings/{id}{fragment}", location);
    }

    [Theory]
    [InlineData("/fedora-meeting/2026-01-05/nobody.2026-01-05-16.00.log.html")]
    [InlineData("/teams/nobody/nobody.2026-01-05-16.00.html")]
    public async Task An_unknown_file_is_not_found(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_file_in_another_folder_is_not_found()
    {
        var (meeting, _) = await GeneratedMeetings.RichAsync(site);
        var channel = meeting.Directory.Split('/')[0];
        using var response = await site.Client.GetAsync(new Uri($"/{channel}/1999-01-01/{meeting.BaseName}.html", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Team_pages_are_not_taken_for_old_files()
    {
        var (meeting, _) = await GeneratedMeetings.RichAsync(site);
        foreach (var path in new[] { $"/teams/{meeting.Team}", $"/teams/{meeting.Team}/latest" })
        {
            using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
        }
    }

    private async Task<string> RedirectAsync(string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
