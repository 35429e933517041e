namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>What both minutes writers need, computed once: MeetBot's <c>replacements()</c> plus the item lists.</summary>
internal sealed class MinutesContext
{
    public MinutesContext(ParsedMeeting meeting, WriterOptions options, string baseName)
    {
        Options = options;
        var channel = meeting.Channel ?? string.Empty;
        PageTitle = PageTitleOf(channel, meeting.Title, options);
        Owner = meeting.StartedBy ?? string.Empty;
        var start = meeting.StartedAt ?? (meeting.Lines.Count > 0 ? meeting.Lines[0].Time : null);
        var end = meeting.EndedAt ?? (meeting.Lines.Count > 0 ? meeting.Lines[^1].Time : start);
        StartedAt = start;
        EndedAt = end;
        StartTime = start is { } s ? LogWriters.Clock(s) : "None";
        EndTime = end is { } e ? LogWriters.Clock(e) : "None";
        FullLogs = baseName + ".log.html";
        FullLogsUrl = (options.LogsUrlBase ?? baseName) + ".log.html";
        Version = options.MeetBotVersion.Length == 0 ? string.Empty : " " + options.MeetBotVersion;
        Entries = MinutesEntry.Merge(meeting);
        Actions = [.. Entries.Where(e => e.Item?.Kind == ItemKind.Action).Select(e => e.Item!)];
        var dictOrder = AttendeeLists.DictOrder(meeting, options.PeopleOrder);
        People = AttendeeLists.ByCount(dictOrder);
        ByPerson = AttendeeLists.ByPerson(dictOrder, Actions);
        Unassigned = [.. Actions.Where(a => a.Assignees.Count == 0)];
    }

    public WriterOptions Options { get; }

    public MeetbotLayout Layout => Options.Layout;

    public string PageTitle { get; }

    public string Owner { get; }

    public DateTimeOffset? StartedAt { get; }

    public DateTimeOffset? EndedAt { get; }

    public string StartTime { get; }

    public string EndTime { get; }

    public string TimeZone => Options.TimeZone;

    /// <summary><c>basename + '.log.html'</c>: the relative link the HTML minutes use.</summary>
    public string FullLogs { get; }

    /// <summary><c>filename(url=True) + '.log.html'</c>: the absolute link the text minutes print.</summary>
    public string FullLogsUrl { get; }

    /// <summary><c>MeetBotVersion()</c>: the version with a leading space, or empty.</summary>
    public string Version { get; }

    public List<MinutesEntry> Entries { get; }

    public List<MinutesItem> Actions { get; }

    public IReadOnlyList<Attendee> People { get; }

    public List<(string Nick, List<MinutesItem> Actions)> ByPerson { get; }

    public List<MinutesItem> Unassigned { get; }

    /// <summary>meetingology 0.4.0 writes "#chan meeting", and adds " meeting" to a title that does not say it.</summary>
    private static string PageTitleOf(string channel, string? title, WriterOptions options)
    {
        if (options.Layout != MeetbotLayout.Meetingology || options.Era != MeetingologyEra.New)
        {
            return string.IsNullOrEmpty(title) ? channel + " Meeting" : channel + ": " + title;
        }

        return string.IsNullOrEmpty(title) ? channel + " meeting"
            : channel + ": " + title + (title.Contains("meeting", StringComparison.OrdinalIgnoreCase) ? string.Empty : " meeting");
    }

    /// <summary>Items attributed to somebody, counted once per nick (MeetBot's <c>numberAssigned</c>).</summary>
    public int NumberAssigned => ByPerson.Sum(p => p.Actions.Count);
}
