namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>Which MeetBot writer code to imitate.</summary>
public enum MeetbotLayout
{
    /// <summary>Darst's 0.1.4 release (Fedora zodbot, Debian): title-case text headings, the ".. _`MeetBot`:" footer, first token of #link is the URL.</summary>
    Meetbot014,

    /// <summary>rkdarst HEAD and OpenStack: sentence-case text headings, no "Action items" text section, URL found anywhere in #link.</summary>
    Later,

    /// <summary>
    /// Ubuntu's meetingology: <c>.moin.txt</c>, <c>.log.html</c> and <c>.html</c> (no <c>.txt</c>), in the layout of
    /// its <see cref="WriterOptions.Era"/>; first token of #link is the URL.
    /// </summary>
    Meetingology,
}

/// <summary>How the writer orders "People present" among people with equal line counts.</summary>
public enum AttendeeOrder
{
    /// <summary><see cref="ParsedMeeting.People"/> is already MeetBot's dict order (e.g. the minutes order): only a stable sort by count.</summary>
    AsGiven,

    /// <summary>
    /// Recompute CPython 2's dict order from when each nick first entered MeetBot's attendees (first line spoken, or
    /// a <c>#chair</c>/<c>#nick</c> naming it), then stable-sort by count, as the Python 2 bots did.
    /// </summary>
    Python2DictFromLog,

    /// <summary>Python 3's dict: the order in which each nick first entered the attendees (meetingology 0.4, 2021 on).</summary>
    InsertionFromLog,
}

/// <summary>Deployment settings the files embed but the meeting itself does not carry.</summary>
public sealed record WriterOptions
{
    public MeetbotLayout Layout { get; init; } = MeetbotLayout.Meetbot014;

    /// <summary>OpenStack (2016 on) makes each <c>.log.html</c> timestamp a link to its own <c>l-N</c> anchor.</summary>
    public bool TimestampAnchors { get; init; }

    /// <summary>
    /// The URL of the meeting's files without extension, printed in the text minutes header
    /// (MeetBot's <c>logUrlPrefix</c> joined with the layout path). Null: the base name alone.
    /// </summary>
    public string? LogsUrlBase { get; init; }

    /// <summary>The file base name <c>&lt;name&gt;.&lt;YYYY-MM-DD-HH.MM&gt;</c>; null: from the meeting's file name, else from its name and start.</summary>
    public string? BaseName { get; init; }

    public string MeetBotInfoUrl { get; init; } = "http://wiki.debian.org/MeetBot";

    /// <summary>The version in the footers; empty prints none (MeetBot's <c>MeetBotVersion()</c> without <c>__version__</c>).</summary>
    public string MeetBotVersion { get; init; } = "0.1.4";

    public string TimeZone { get; init; } = "UTC";

    public AttendeeOrder PeopleOrder { get; init; } = AttendeeOrder.AsGiven;

    /// <summary>For <see cref="MeetbotLayout.Meetingology"/>: which generation of its writers.</summary>
    public MeetingologyEra Era { get; init; } = MeetingologyEra.New;

    /// <summary>meetingology from 2013-04-21 on stores log lines as <c>HH:MM &lt;nick&gt; text</c>.</summary>
    internal bool ShortClock => Layout == MeetbotLayout.Meetingology && Era != MeetingologyEra.Early;

    /// <summary>
    /// meetingology's deployment on the date of <paramref name="start"/>: its era, version and info URL, with the
    /// Python 2 dict order of attendees recomputed from the log up to 2020 (Python 3's insertion order after).
    /// </summary>
    public static WriterOptions ForMeetingology(DateTimeOffset start)
    {
        var era = MeetingologyEras.Of(start);
        return new WriterOptions
        {
            Layout = MeetbotLayout.Meetingology,
            Era = era,
            MeetBotVersion = era == MeetingologyEra.New ? "0.4.0" : start.Year < 2012 ? "0.1.4" : "0.1.5",
            MeetBotInfoUrl = era == MeetingologyEra.New ? "https://wiki.ubuntu.com/meetingology"
                : start.Year < 2012 ? "http://wiki.ubuntu.com/AlanBell/mootbot" : "http://wiki.ubuntu.com/meetingology",
            PeopleOrder = era == MeetingologyEra.New ? AttendeeOrder.InsertionFromLog : AttendeeOrder.Python2DictFromLog,
        };
    }

    /// <summary>Options that imitate the bot of <paramref name="dialect"/> (OpenStack with its timestamp anchors).</summary>
    public static WriterOptions For(MeetbotDialect dialect) => dialect switch
    {
        MeetbotDialect.OpenStack => new WriterOptions { Layout = MeetbotLayout.Later, TimestampAnchors = true },
        MeetbotDialect.MeetbotLater => new WriterOptions { Layout = MeetbotLayout.Later },
        _ => new WriterOptions(),
    };
}
