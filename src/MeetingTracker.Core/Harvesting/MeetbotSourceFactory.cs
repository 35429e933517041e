using MeetingTracker.Core.Harvesting.Http;

namespace MeetingTracker.Core.Harvesting;

/// <summary>Makes the source a configuration names: an http(s) URL or a folder.</summary>
public sealed class MeetbotSourceFactory(HttpSourceFactory http)
{
    public IMeetbotSource Create(SourceOptions options, SourceTraffic traffic)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IsHttp
            ? http.Create(options, traffic)
            : new FolderSource(options.Location, SourceFilter.From(options), options.MaxFileBytes, traffic);
    }
}
