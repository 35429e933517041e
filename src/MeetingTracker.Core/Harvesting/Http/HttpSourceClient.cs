using System.Globalization;
using System.Net;
using System.Reflection;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// One source's HTTP client: <see cref="ResilienceHandler"/> (retry with exponential back-off and jitter, rate
/// limiter, attempt time-out) in front of <see cref="MeteringHandler"/> and the factory's shared connection pool.
/// Kept by the factory across harvests, so the rate limit holds between them, and so do the parsed listings.
/// </summary>
internal sealed class HttpSourceClient : IDisposable
{
    public static readonly string UserAgent =
        $"MeetingTracker/{typeof(HttpSourceClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0"} (+https://github.com/meetingtracker/meetingtracker; meetbot harvester)";

    private const int MaxRedirects = 5;

    private readonly HttpClient client;
    private readonly RateLimiter? limiter;
    private readonly HttpClientSettings settings;

    public HttpSourceClient(HttpClientSettings settings, HttpMessageHandler connections, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        limiter = settings.RequestsPerSecond > 0 ? TokenBucket(settings.RequestsPerSecond) : null;
        var pipeline = HttpPipeline.Build(settings, limiter, timeProvider, logger);
        var handler = new ResilienceHandler(pipeline) { InnerHandler = new MeteringHandler { InnerHandler = connections } };
        client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    /// <summary>The links of this source's listing pages as last parsed, reused for pages answered 304.</summary>
    public ParsedListings Listings { get; } = new();

    /// <summary>
    /// A GET, conditional when validators are given, following redirects that stay inside <paramref name="scope"/>.
    /// Returns a 2xx (body read) or a 304; anything else becomes a <see cref="SourceException"/> with the reason.
    /// </summary>
    public async Task<HttpResponseMessage> GetAsync(Uri uri, string? etag, DateTimeOffset? lastModified, RequestTag tag, SourceScope scope, CancellationToken cancellationToken)
    {
        for (var hops = 0; ; hops++)
        {
            var response = await SendAsync(uri, etag, lastModified, tag, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified) return response;

            using (response)
            {
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    var next = new Uri(uri, location);
                    if (scope.RelativePath(next) is null) throw new SourceException($"redirected off the source to {next}");
                    if (hops == MaxRedirects) throw new SourceException($"more than {MaxRedirects} redirects");
                    uri = next;
                    continue;
                }

                var reason = string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}").TrimEnd();
                // The statuses the retry strategy retries (HttpClientResiliencePredicates): they were tried every time.
                throw new SourceException(status is >= 500 or 408 or 429 ? $"{reason} after {Attempts}" : reason);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, string? etag, DateTimeOffset? lastModified, RequestTag tag, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Options.Set(RequestTag.Key, tag);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (lastModified is not null) request.Headers.IfModifiedSince = lastModified;
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw new SourceException(string.Create(CultureInfo.InvariantCulture, $"timed out after {Attempts} ({settings.RequestTimeout.TotalSeconds:0.###} s each)"), e);
        }
        catch (HttpRequestException e)
        {
            throw new SourceException($"{e.Message} after {Attempts}", e);
        }
    }

    private string Attempts => settings.MaxAttempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{settings.MaxAttempts} attempts");

    /// <summary>Tokens every 100 ms or so (one at least), no burst beyond one period's worth, an unbounded queue.</summary>
    private static TokenBucketRateLimiter TokenBucket(double perSecond)
    {
        var tokens = Math.Max(1, (int)Math.Round(perSecond / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        client.Dispose();
        limiter?.Dispose();
    }
}

/// <summary>The settings a source's client is built from; sources with equal settings share one.</summary>
internal sealed record HttpClientSettings(string Name, int MaxAttempts, TimeSpan RequestTimeout, TimeSpan RetryDelay, double RequestsPerSecond)
{
    public static HttpClientSettings From(SourceOptions options)
        => new(options.Name, options.MaxAttempts, options.RequestTimeout, options.RetryDelay, options.RequestsPerSecond);
}
