using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// Makes HTTP sources. Owns one connection pool for all of them and one client per source (by name and HTTP
/// settings), kept across harvests so a source's rate limit holds from one harvest to the next.
/// </summary>
public sealed class HttpSourceFactory(TimeProvider timeProvider, ILoggerFactory loggerFactory) : IDisposable
{
    private readonly SocketsHttpHandler connections = new()
    {
        // Redirects are followed by the client only while they stay inside the source.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
    };

    private readonly ConcurrentDictionary<HttpClientSettings, Lazy<HttpSourceClient>> clients = new();
    private readonly ILogger logger = loggerFactory.CreateLogger<HttpSource>();

    public IMeetbotSource Create(SourceOptions options, SourceTraffic traffic)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(traffic);
        var scope = new SourceScope(new Uri(options.Location, UriKind.Absolute));
        var settings = HttpClientSettings.From(options);
        var client = clients.GetOrAdd(settings, s => new Lazy<HttpSourceClient>(() => new HttpSourceClient(s, connections, timeProvider, logger))).Value;
        return new HttpSource(client, scope, SourceFilter.From(options), options.Concurrency, new RequestTag(traffic, options.MaxFileBytes), logger);
    }

    public void Dispose()
    {
        foreach (var client in clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        connections.Dispose();
    }
}
