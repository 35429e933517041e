using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Teams;

/// <summary>
/// What the team pages and /api/teams read. Aggregates come from <see cref="DigestCache"/> (built by
/// <see cref="TeamDigests"/>); so are the timeline's pages (one indexed query each).
/// </summary>
public sealed class TeamQueries(IDbContextFactory<TrackerDb> dbFactory, DigestCache cache, AccountabilityService accountability, TimeProvider clock)
{
    /// <summary>Every team, latest activity first.</summary>
    public Task<IReadOnlyList<TeamSummary>> AllAsync(CancellationToken cancellationToken)
        => cache.GetAsync(new AllKey(), ct => TeamDigests.AllAsync(dbFactory, clock.GetUtcNow(), ct), cancellationToken);

    /// <summary>
    /// The team a URL segment names: its key, else (normalised as meeting names are) a key or an alias of a team,
    /// which then is not <see cref="TeamRef.IsCanonical"/>. Null when no team goes by that name.
    /// </summary>
    public async Task<TeamRef?> FindAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var directory = await cache.GetAsync(new DirectoryKey(), ct => TeamDigests.DirectoryAsync(dbFactory, ct), cancellationToken);
        if (directory.ByKey.TryGetValue(key, out var exact)) return exact;
        var name = TeamNames.Normalize(key);
        var found = directory.ByKey.GetValueOrDefault(name) ?? directory.ByAlias.GetValueOrDefault(name);
        return found is null ? null : found with { IsCanonical = false };
    }

    /// <summary>The digest of a team found by <see cref="FindAsync"/>; null when it is gone since.</summary>
    public Task<TeamDigest?> DigestAsync(int teamId, CancellationToken cancellationToken)
        => cache.GetAsync(new DigestKey(teamId), ct => TeamDigests.TeamAsync(dbFactory, accountability, teamId, ct), cancellationToken);

    /// <summary>One page of the team's meetings, newest first, with their topics and counts (cached as digests are).</summary>
    public Task<PageOf<TimelineMeeting>> TimelineAsync(TeamHeader team, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var (p, size) = Paging.Normalize(page, pageSize);
        if ((long)(p - 1) * size >= team.Meetings) return Task.FromResult(new PageOf<TimelineMeeting>([], p, size, team.Meetings));
        return cache.GetAsync(new TimelineKey(team.Id, p, size), ct => TeamDigests.TimelineAsync(dbFactory, team, p, size, ct), cancellationToken);
    }

    private sealed record AllKey;

    private sealed record DirectoryKey;

    private sealed record DigestKey(int TeamId);

    private sealed record TimelineKey(int TeamId, int Page, int Size);
}

/// <summary>Team keys and alias names → team, for resolving URLs without a query.</summary>
public sealed record TeamDirectory(IReadOnlyDictionary<string, TeamRef> ByKey, IReadOnlyDictionary<string, TeamRef> ByAlias);
