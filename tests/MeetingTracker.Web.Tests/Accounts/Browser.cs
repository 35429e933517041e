using System.Net;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>An HttpClient with a cookie jar that follows redirects by hand, across hosts, recording where it went.</summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient client;

    public Browser() => client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false });

    public CookieContainer Cookies { get; } = new();

    public List<Uri> Visited { get; } = [];

    public Task<HttpResponseMessage> GetAsync(Uri uri, CancellationToken cancellationToken) => client.GetAsync(uri, cancellationToken);

    /// <summary>Sends the request, then GETs each Location until <paramref name="stopAt"/> says where it leads is the end.</summary>
    public async Task<Uri> FollowAsync(HttpRequestMessage request, Func<Uri, bool> stopAt, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, cancellationToken);
        var current = request.RequestUri!;
        for (var hops = 0; hops < 20; hops++)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
                $"{current} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            var next = new Uri(current, response.Headers.Location!);
            Visited.Add(next);
            if (stopAt(next))
            {
                return next;
            }

            response.Dispose();
            current = next;
            response = await client.GetAsync(next, cancellationToken);
        }

        throw new InvalidOperationException("more than 20 redirects: " + string.Join(" -> ", Visited));
    }

    public void Dispose() => client.Dispose();
}
