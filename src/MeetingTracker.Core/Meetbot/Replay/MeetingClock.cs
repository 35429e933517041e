namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// Turns a log's times of day into UTC instants: the date comes from the file name (MeetBot logs carry none) and
/// moves one day forward when the clock goes backwards across midnight (a meeting running past it). A small step
/// back (a clock correction, a pasted or hand-edited line) is not midnight: the line keeps the day and is counted in
/// <see cref="StepsBack"/>. Matrix lines carry their own date, which resets it. A line without a time gets the time
/// of the line before.
/// </summary>
internal sealed class MeetingClock(DateOnly startDate)
{
    // Going back by more than half a day can only be midnight: no meeting is silent for twelve hours.
    private const int MidnightStep = 12 * 3600;

    private DateOnly day = startDate;
    private long dayTicks = startDate.DayNumber * TimeSpan.TicksPerDay;
    private int previous = -1;

    /// <summary>Lines whose time went back by less than half a day (kept on the same day).</summary>
    public int StepsBack { get; private set; }

    public DateTimeOffset Next(int seconds, DateOnly? date = null)
    {
        if (date is { } own && own != day)
        {
            SetDay(own);
        }
        else if (date is null && seconds >= 0 && seconds < previous)
        {
            if (previous - seconds > MidnightStep)
            {
                SetDay(day.AddDays(1));
            }
            else
            {
                StepsBack++;
            }
        }

        if (seconds >= 0)
        {
            previous = seconds;
        }

        return new DateTimeOffset(dayTicks + (Math.Max(previous, 0) * TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private void SetDay(DateOnly value)
    {
        day = value;
        dayTicks = value.DayNumber * TimeSpan.TicksPerDay;
    }
}
