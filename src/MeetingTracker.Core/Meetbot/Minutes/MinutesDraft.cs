using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>
/// One entry of a minutes summary as a reader found it, before times and topics are resolved: a topic or an item,
/// with the nick, time of day (<c>HH:MM[:SS]</c>) and <c>l-N</c> line when the file shows them.
/// </summary>
internal sealed record DraftEntry(bool IsTopic, ItemKind Kind, string Text, string? Nick, string? Time, int? Line, string? Url = null)
{
    /// <summary>For a VOTE item, what the file tells beyond its text (counts, voters); null: the text alone tells.</summary>
    public VoteRecord? Vote { get; init; }
}

/// <summary>A person's list under "Action items, by person" (texts as printed; <c>UNASSIGNED</c> included as a name).</summary>
internal sealed record DraftPerson(string Nick, List<string> Actions);

/// <summary>What a minutes reader collects; <see cref="MinutesAssembler"/> turns it into the shared model.</summary>
internal sealed class MinutesDraft(MeetbotFormat format)
{
    public MeetbotFormat Format { get; } = format;

    public MeetbotDialect Dialect { get; set; } = MeetbotDialect.Unknown;

    /// <summary><c>#channel: topic</c> or <c>#channel Meeting</c>, as MeetBot titles its pages.</summary>
    public string? PageTitle { get; set; }

    /// <summary>The channel when the file states it apart from the page title (moin's meeting information).</summary>
    public string? Channel { get; set; }

    public string? StartedBy { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    /// <summary>A calendar date the file itself states (Matrix minutes, hcoop), overriding the file name's.</summary>
    public DateOnly? StartDate { get; set; }

    /// <summary>The end's own calendar date, when the file states one (hcoop-meetbot).</summary>
    public DateOnly? EndDate { get; set; }

    public List<DraftEntry> Entries { get; } = [];

    /// <summary>The "Action items, by person" section; null when the file has none.</summary>
    public List<DraftPerson>? ByPerson { get; set; }

    /// <summary>People present with lines said; null when the file has no such section.</summary>
    public List<Attendee>? People { get; set; }

    /// <summary>The embedded log (moin), already replayed or at least numbered.</summary>
    public IReadOnlyList<LogLine> Lines { get; set; } = [];

    public IReadOnlyList<string> Chairs { get; set; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Reads "Meeting started by X at [date ]HH:MM[:SS]" and "Meeting ended at …" from the given texts.</summary>
    public void ReadStartAndEnd(string startText, string? endText)
    {
        var started = MinutesText.StartedPattern().Match(startText);
        if (started.Success)
        {
            StartedBy = started.Groups["nick"].Value;
            StartTime = started.Groups["time"].Value;
            StartDate = DateOf(started.Groups["date"]);
        }
        else
        {
            Warnings.Add("no 'Meeting started by … at …' line");
        }

        if (endText is not null && MinutesText.EndedPattern().Match(endText) is { Success: true } ended)
        {
            EndTime = ended.Groups["time"].Value;
            EndDate = DateOf(ended.Groups["date"]);
        }
    }

    private static DateOnly? DateOf(System.Text.RegularExpressions.Group date) =>
        date.Success && DateOnly.TryParseExact(date.ValueSpan, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
