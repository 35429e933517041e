namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>The generations of meetingology's writers, as its files show them (corpus 2011-2025).</summary>
public enum MeetingologyEra
{
    /// <summary>
    /// 2011 to 2013-04-20: <c>#title</c> moin page with a wrapped "Meeting started by" paragraph, <c>== Votes ==</c>,
    /// logs with <c>HH:MM:SS</c>, <c>.log.html</c> without timestamp links (Python 2).
    /// </summary>
    Early,

    /// <summary>
    /// 2013-04-21 to 2020: "Meeting information", "The discussion about", <c>== Vote results ==</c> with meetingology's
    /// results sentence, logs with <c>HH:MM</c>, timestamp links in <c>.log.html</c> (Python 2).
    /// </summary>
    Middle,

    /// <summary>2021 on (MeetBot 0.4.0, Python 3): "started by" information line, "Voters:", optional sections, no final newline.</summary>
    New,
}

/// <summary>Which era a meeting of a given start belongs to.</summary>
public static class MeetingologyEras
{
    /// <summary>The day meetingology began storing log lines as <c>HH:MM</c> (and, as far as the corpus tells, its later moin layout).</summary>
    public static readonly DateOnly MiddleFrom = new(2013, 4, 21);

    public static readonly DateOnly NewFrom = new(2021, 1, 1);

    public static MeetingologyEra Of(DateTimeOffset start)
    {
        var day = DateOnly.FromDateTime(start.UtcDateTime);
        return day >= NewFrom ? MeetingologyEra.New : day >= MiddleFrom ? MeetingologyEra.Middle : MeetingologyEra.Early;
    }
}
