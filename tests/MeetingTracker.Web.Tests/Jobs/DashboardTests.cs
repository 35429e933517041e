using System.Net;

namespace MeetingTracker.Web.Tests.Jobs;

/// <summary>The Hangfire dashboard answers requests from this host only (until accounts exist).</summary>
public sealed class DashboardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Local_requests_see_the_dashboard(string address)
    {
        await using var host = new TrackerHost { RemoteAddress = IPAddress.Parse(address) };
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/jobs/recurring", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("harvest:gen", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_requests_are_refused()
    {
        await using var host = new TrackerHost { RemoteAddress = IPAddress.Parse("203.0.113.5") };
        using var client = host.CreateClient();

        using var dashboard = await client.GetAsync(new Uri("/jobs", UriKind.Relative), TestContext.Current.CancellationToken);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_remote_client_behind_a_local_proxy_is_refused()
    {
        await using var host = new TrackerHost { RemoteAddress = IPAddress.Loopback };
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/jobs", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
