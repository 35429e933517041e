namespace MeetingTracker.Core.Reminders;

/// <summary>
/// When a team meets next, from how it has met: its usual interval is the median of the gaps between its latest
/// meetings (at least three meetings), and the next meeting is the latest one plus that interval, rolled forward past
/// <c>now</c> when the team skipped one. A team that has not met for three intervals has no next meeting.
/// </summary>
public static class TeamCadence
{
    private const int Looked = 9;

    public static DateTimeOffset? NextMeeting(IReadOnlyList<DateTimeOffset> starts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var recent = starts.Where(s => s <= now).Order().TakeLast(Looked).ToList();
        if (recent.Count < 3) return null;
        var gaps = recent.Zip(recent.Skip(1), (a, b) => b - a).Where(g => g >= TimeSpan.FromHours(12)).Order().ToList();
        if (gaps.Count < 2) return null;
        var interval = gaps[gaps.Count / 2];
        var last = recent[^1];
        if (now - last > 3 * interval) return null;
        var next = last + interval;
        while (next <= now) next += interval;
        return next;
    }
}
