namespace MeetingTracker.Core.Meetbot;

/// <summary>The kinds of file a meetbot writes for one meeting.</summary>
public enum MeetbotFormat
{
    /// <summary><c>.log.txt</c>: the raw log, one message per line.</summary>
    LogTxt,

    /// <summary><c>.log.html</c>: the raw log rendered as HTML with <c>l-N</c> anchors.</summary>
    LogHtml,

    /// <summary><c>.txt</c>: the minutes as text (reStructuredText-like).</summary>
    MinutesTxt,

    /// <summary><c>.html</c>: the minutes as HTML.</summary>
    MinutesHtml,

    /// <summary><c>.moin.txt</c>: meetingology's MoinMoin minutes, which embed the full log.</summary>
    Moin,
}
