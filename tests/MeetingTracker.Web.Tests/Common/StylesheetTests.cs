using System.Text.RegularExpressions;

namespace MeetingTracker.Web.Tests.Common;

/// <summary>The pages' stylesheets are served outside Development too (a Release build run in Production got a 500).</summary>
public sealed partial class StylesheetTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Every_stylesheet_a_page_links_is_served(string environment)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new TrackerHost().With("environment", environment);
        using var client = host.CreateClient();

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var sheets = Stylesheet().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(2, sheets.Count); // app.css and the components' scoped bundle
        foreach (var sheet in sheets)
        {
            using var response = await client.GetAsync(new Uri("/" + sheet, UriKind.Relative), ct);
            Assert.True(response.IsSuccessStatusCode, $"{environment}: {sheet} answered {(int)response.StatusCode}");
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [GeneratedRegex("""<link rel="stylesheet" href="([^"]+)"\s*/?>""")]
    private static partial Regex Stylesheet();
}
