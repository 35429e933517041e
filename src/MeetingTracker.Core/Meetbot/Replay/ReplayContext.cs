namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>What a replay knows besides the lines: the file it came from and any dialect evidence found outside the lines.</summary>
/// <param name="Format">The format the lines were read from (stamped on the result).</param>
/// <param name="FileName">The parsed file name (date, meeting name, channel hint), if the name has one.</param>
/// <param name="DialectHint">Dialect evidence from the file's markup (e.g. OpenStack's timestamp anchors), or Unknown.</param>
public sealed record ReplayContext(MeetbotFormat Format, MeetingFileName? FileName, MeetbotDialect DialectHint = MeetbotDialect.Unknown)
{
    /// <summary>Channel known from the file itself (e.g. the <c>&lt;title&gt;#chan log&lt;/title&gt;</c> of .log.html).</summary>
    public string? Channel { get; init; }

    /// <summary>Warnings the caller already collected (decoding fallbacks, repaired markup), carried into the result.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
