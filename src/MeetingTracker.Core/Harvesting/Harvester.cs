using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingTracker.Core.Harvesting;

/// <summary>Keeps the database in step with one source: lists, fetches what changed, reads, stores meeting by meeting.</summary>
public sealed partial class Harvester(
    IDbContextFactory<TrackerDb> dbFactory,
    MeetbotSourceFactory sources,
    SourceLocks locks,
    TimeProvider clock,
    ILogger<Harvester> logger)
{
    /// <summary>The parser version stored with each meeting; tests raise it to force a re-read.</summary>
    public int ParserVersion { get; init; } = Meetbot.MeetbotReader.Version;

    public Task<HarvestSummary> HarvestAsync(SourceOptions options, IProgress<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        _ = (dbFactory, sources, locks, clock, logger);
        throw new NotImplementedException("being written");
    }
}
