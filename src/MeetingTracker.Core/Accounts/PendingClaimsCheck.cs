using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accounts;

/// <summary>After every harvest (and alias edit), pending claims that a newly read log vouches for verify themselves.</summary>
public sealed class PendingClaimsCheck(IDbContextFactory<TrackerDb> dbFactory, TimeProvider clock) : IMeetingsChangedHandler
{
    public async Task MeetingsChangedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await Claims.VerifyPendingFromLogsAsync(db, clock.GetUtcNow(), cancellationToken);
    }
}
