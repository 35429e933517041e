using System.Threading.Channels;
using MeetingTracker.Core.Meetings;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// Follows a harvest while it writes (the search index, ADR 15): told of each meeting as its transaction commits,
/// with its change number and the log lines it stored, so it need not read them back. What it leaves (it stopped, a
/// later write changed the meeting) is found by its <see cref="IMeetingsChangedHandler"/> catch-up, which follows the
/// change numbers (ADR 19). Runs on the harvest's own threads.
/// </summary>
public interface IWrittenMeetingsFollower
{
    /// <summary>Consumes <paramref name="written"/> until it completes; must read it to the end.</summary>
    Task FollowAsync(ChannelReader<WrittenMeeting> written, CancellationToken cancellationToken);
}

/// <summary>A meeting whose transaction committed: its id, the change number that write took, and its stored log lines.</summary>
public sealed record WrittenMeeting(int MeetingId, long Change, IReadOnlyList<LogLineRow> Lines);
