using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>What a replay had to guess, or what a reader of the minutes should know about the log.</summary>
internal static class ReplayWarnings
{
    public static void Add(List<string> warnings, MeetingState m, int before, int afterEnd, int laterStarts)
    {
        if (m.ImplicitStart)
        {
            warnings.Add($"no #startmeeting: the whole log was read as the meeting, with its first speaker {m.Owner} as chair (as MeetBot's own replay does)");
        }

        if (before > 0)
        {
            warnings.Add(Format($"{before} line(s) before #startmeeting are not part of the meeting"));
        }

        if (m.Aborted)
        {
            warnings.Add("meeting was aborted with #abortmeeting: MeetBot wrote no minutes for it");
        }
        else if (!m.IsOver)
        {
            warnings.Add("meeting was not ended (no #endmeeting)");
            if (!m.ImplicitStart && m.MeetingLineCount == 1)
            {
                warnings.Add("the log holds only the #startmeeting line: probably a stub left behind when #meetingname renamed the meeting's files");
            }

            if (m.SaveLine is { } save)
            {
                warnings.Add(Format($"#save at line {save.Number} wrote minutes that show the meeting as ended then"));
            }
        }

        if (afterEnd > 0)
        {
            warnings.Add(Format($"{afterEnd} line(s) after #endmeeting are not part of the meeting"));
        }

        if (laterStarts > 0 || m.RepeatedStarts > 0)
        {
            warnings.Add("the log holds another #startmeeting; only the first meeting was read");
        }

        if (m.Dialect == MeetbotDialect.Meetingology && m.IgnoredChairCommands > 0)
        {
            warnings.Add(Format($"{m.IgnoredChairCommands} chair-only command(s) from non-chairs were ignored; meetingology also lets channel operators chair, which a log does not show"));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
