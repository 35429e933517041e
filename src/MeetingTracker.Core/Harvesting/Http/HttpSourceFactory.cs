namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>Makes HTTP sources (placeholder until the HTTP source lands).</summary>
public sealed class HttpSourceFactory
{
    public IMeetbotSource Create(SourceOptions options, SourceTraffic traffic) => throw new NotSupportedException("HTTP sources are not built yet.");
}
