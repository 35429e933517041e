namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// Turns a log's times of day into UTC instants: the date comes from the file name (MeetBot logs carry none) and
/// moves one day forward each time the clock goes backwards (a meeting running past midnight). Matrix lines carry
/// their own date, which resets it. A line without a time gets the time of the line before.
/// </summary>
internal sealed class MeetingClock(DateOnly startDate)
{
    private DateOnly day = startDate;
    private long dayTicks = startDate.DayNumber * TimeSpan.TicksPerDay;
    private int previous = -1;

    public DateTimeOffset Next(int seconds, DateOnly? date = null)
    {
        if (date is { } own && own != day)
        {
            SetDay(own);
        }
        else if (date is null && seconds >= 0 && seconds < previous)
        {
            SetDay(day.AddDays(1));
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
