using System.Threading.Channels;
using MeetingTracker.Core.Meetings;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// Follows a harvest while it writes (the search index, ADR 15): told of each meeting as its transaction commits,
/// with the log lines it stored, so it need not read them back. What it finishes it reports through
/// <see cref="IWrittenMeetingMarks"/>; what it leaves (it stopped, it lost a race with a later write) stays marked for
/// its <see cref="IMeetingsChangedHandler"/> catch-up at the end of the run. Runs on the harvest's own threads.
/// </summary>
public interface IWrittenMeetingsFollower
{
    /// <summary>Consumes <paramref name="written"/> until it completes; must read it to the end.</summary>
    Task FollowAsync(ChannelReader<WrittenMeeting> written, IWrittenMeetingMarks marks, CancellationToken cancellationToken);
}

/// <summary>Sets the marks of meetings a follower is done with, in step with the harvest's single writer.</summary>
public interface IWrittenMeetingMarks
{
    /// <summary>
    /// Marks these meetings indexed, unless a later write changed them after they were handed over (their marks stay
    /// unset then, and the catch-up reads them again from the database).
    /// </summary>
    Task MarkIndexedAsync(IReadOnlyList<WrittenMeeting> meetings, CancellationToken cancellationToken);
}

/// <summary>A meeting whose transaction committed: its id, the read it stored, and its stored log lines.</summary>
/// <param name="Generation">The writer's count of writes that changed other meetings' rows, when this one committed.</param>
public sealed record WrittenMeeting(int MeetingId, DateTimeOffset ReadAt, IReadOnlyList<LogLineRow> Lines, int Generation);
