using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accountability;

/// <summary>
/// A cheap fingerprint of what chains and trails are computed from (a few milliseconds for 10,000 meetings). Every
/// re-read of a meeting sets its <c>ReadAt</c> and new items take new ids; meetings moved to another team change the
/// sum of team ids; so a changed stamp means the snapshot must be rebuilt.
/// </summary>
public sealed record DataStamp(int Meetings, DateTimeOffset? LastRead, long TeamSum, int? LastItem)
{
    public static async Task<DataStamp> ReadAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meetings = await db.Meetings.CountAsync(cancellationToken);
        var lastRead = await db.Meetings.MaxAsync(m => (DateTimeOffset?)m.ReadAt, cancellationToken);
        var teamSum = await db.Meetings.SumAsync(m => (long)m.TeamId, cancellationToken);
        var lastItem = await db.Items.MaxAsync(i => (int?)i.Id, cancellationToken);
        return new DataStamp(meetings, lastRead, teamSum, lastItem);
    }
}
