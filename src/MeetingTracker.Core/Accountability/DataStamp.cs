using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accountability;

/// <summary>
/// A cheap fingerprint of what chains and trails are computed from (a few milliseconds for 10,000 meetings). Every
/// write of a meeting, by any node or the command line, takes a higher change number (ADR 19), which a time would not
/// promise across machines; new meetings and items take new ids; meetings moved to another team change the sum of team
/// ids; so a changed stamp means the snapshot must be rebuilt.
/// </summary>
public sealed record DataStamp(int Meetings, long LastChange, int? LastMeeting, long TeamSum, int? LastItem)
{
    public static async Task<DataStamp> ReadAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meetings = await db.Meetings.CountAsync(cancellationToken);
        var lastChange = await ChangeNumbers.LastAsync(db, cancellationToken);
        var lastMeeting = await db.Meetings.MaxAsync(m => (int?)m.Id, cancellationToken);
        var teamSum = await db.Meetings.SumAsync(m => (long)m.TeamId, cancellationToken);
        var lastItem = await db.Items.MaxAsync(i => (int?)i.Id, cancellationToken);
        return new DataStamp(meetings, lastChange, lastMeeting, teamSum, lastItem);
    }
}
