using Bunit;
using MeetingTracker.Web.Components.Pages.Meetings;

namespace MeetingTracker.Web.Tests.Meetings;

/// <summary>Links to the original files: under an http(s) source's URL, or bare paths for a local folder.</summary>
public sealed class SourceFileListTests : IDisposable
{
    private readonly BunitContext context = new();

    [Theory]
    [InlineData("https://meetbot.fedoraproject.org", "fedora-meeting/2026-01-05/infra.2026-01-05-16.00.html", "https://meetbot.fedoraproject.org/fedora-meeting/2026-01-05/infra.2026-01-05-16.00.html")]
    [InlineData("https://meetbot.example.org/logs/", "a b/#x/c.2026-01-05-16.00.txt", "https://meetbot.example.org/logs/a%20b/%23x/c.2026-01-05-16.00.txt")]
    [InlineData("http://example.org/mote/teams", "infra.2026-01-05-16.00.log.html", "http://example.org/mote/teams/infra.2026-01-05-16.00.log.html")]
    public void File_urls_are_the_source_url_and_the_escaped_path(string location, string path, string url)
        => Assert.Equal(url, SourceFiles.Url(location, path));

    [Fact]
    public void An_http_source_links_its_files()
    {
        SourceFile[] files = [new("c/2026-01-05/m.2026-01-05-16.00.html", "m.2026-01-05-16.00.html", "https://meetbot.example.org/c/2026-01-05/m.2026-01-05-16.00.html")];

        var list = context.Render<SourceFileList>(p => p.Add(l => l.SourceName, "fedora").Add(l => l.IsHttp, true).Add(l => l.Files, files));

        var link = Assert.Single(list.FindAll("ul.files a"));
        Assert.Equal(files[0].Url, link.GetAttribute("href"));
        Assert.Equal("m.2026-01-05-16.00.html", link.TextContent);
    }

    [Fact]
    public void A_folder_source_names_its_files_without_links()
    {
        SourceFile[] files = [new("c/2026-01-05/m.2026-01-05-16.00.log.txt", "m.2026-01-05-16.00.log.txt", null)];

        var list = context.Render<SourceFileList>(p => p.Add(l => l.SourceName, "local").Add(l => l.IsHttp, false).Add(l => l.Files, files));

        Assert.Empty(list.FindAll("a"));
        Assert.Equal("c/2026-01-05/m.2026-01-05-16.00.log.txt", list.Find("ul.files code").TextContent);
        Assert.Contains("local folder source", list.Markup, StringComparison.Ordinal);
    }

    public void Dispose() => context.Dispose();
}
