namespace MeetingTracker.Core.Harvesting.Http;

/// <summary>
/// What a request carries down the handler chain for the harvest that sent it: the traffic to count into and the
/// body limit. Clients are shared between harvests of a source, the traffic is not.
/// </summary>
internal sealed record RequestTag(SourceTraffic Traffic, long MaxBytes)
{
    public static readonly HttpRequestOptionsKey<RequestTag> Key = new("MeetingTracker.Harvest");

    public static RequestTag? Of(HttpRequestMessage? request)
        => request is not null && request.Options.TryGetValue(Key, out var tag) ? tag : null;
}
