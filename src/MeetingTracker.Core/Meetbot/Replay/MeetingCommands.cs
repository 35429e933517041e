namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// MeetBot's <c>do_*</c> commands per dialect (MeetingCommands in each bot's meeting.py). Chair-only commands from
/// anyone else are ignored silently, as the bots do; unknown commands (typos like <c>#opic</c>) do nothing.
/// </summary>
internal static class MeetingCommands
{
    private static readonly char[] ChairSeparators = [',', ' '];

    /// <summary><c>do_startmeeting</c>: the text becomes the meeting topic; Fedora and OpenStack also name the meeting from it.</summary>
    public static void StartMeeting(MeetingState m, LogLine line, string argument)
    {
        var text = argument.Trim();
        if (text.Length > 0)
        {
            m.MeetingTopic = text;
        }

        if (m.Info.IsFedora || (text.Length > 0 && m.Dialect is MeetbotDialect.OpenStack or MeetbotDialect.Matrix))
        {
            m.MeetingName = MeetingNames.Normalize(text, m.Dialect);
        }
    }

    public static void Run(MeetingState m, Command command, LogLine line)
    {
        var arg = command.Argument;
        switch (command.Name)
        {
            case "startmeeting":
                m.RepeatedStarts++;
                break;
            case "endmeeting":
                EndMeeting(m, line);
                break;
            case "abortmeeting" when m.Dialect == MeetbotDialect.Meetingology:
                if (ByChair(m, line))
                {
                    m.End(line, aborted: true);
                }

                break;
            case "topic":
                if (ByChair(m, line))
                {
                    m.AddTopic(arg, line);
                }

                break;
            case "meetingtopic":
                if (ByChair(m, line))
                {
                    m.MeetingTopic = MeetingTopicOrNull(arg);
                }

                break;
            case "meetingname":
                // Only meetingology checks the chair, whatever the 0.1.4 manual says.
                if (m.Dialect != MeetbotDialect.Meetingology || m.IsChair(line.Nick))
                {
                    m.MeetingName = MeetingNames.Normalize(arg, m.Dialect);
                }
                else
                {
                    m.IgnoredChairCommands++;
                }

                break;
            case "save":
                if (ByChair(m, line))
                {
                    m.SaveLine = line;
                }

                break;
            case "agreed" or "agree":
                ChairItem(m, ItemKind.Agreed, arg, line);
                break;
            case "accepted" or "accept":
                ChairItem(m, ItemKind.Accepted, arg, line);
                break;
            case "rejected":
            case "reject" when m.Dialect != MeetbotDialect.Meetbot014: // 0.1.4: do_rejected = do_rejected, no do_reject
                ChairItem(m, ItemKind.Rejected, arg, line);
                break;
            case "action":
                m.AddItem(ItemKind.Action, arg, line);
                break;
            case "info":
                m.AddItem(ItemKind.Info, arg, line);
                break;
            case "idea":
                m.AddItem(ItemKind.Idea, arg, line);
                break;
            case "help" or "halp":
                m.AddItem(ItemKind.Help, arg, line);
                break;
            case "link":
                m.AddItem(ItemKind.Link, arg, line);
                break;
            case "nick":
                foreach (var nick in SplitNicks(arg))
                {
                    m.AddNick(nick, 0);
                    m.NickTargets.Add(nick);
                }

                break;
            case "chair" when m.Dialect != MeetbotDialect.Matrix:
                if (ByChair(m, line))
                {
                    Chair(m, arg);
                }

                break;
            case "unchair" when m.Dialect != MeetbotDialect.Matrix:
                if (ByChair(m, line))
                {
                    m.Chairs.ExceptWith(m.Dialect == MeetbotDialect.Meetingology ? SplitNicks(arg) : arg.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                }

                break;
            case "undo":
                if (ByChair(m, line) && m.Minutes.Count > 0)
                {
                    m.Minutes.RemoveAt(m.Minutes.Count - 1);
                }

                break;
            case "restrictlogs" or "lurk" or "unlurk":
                ByChair(m, line);
                break;
            default:
                if (m.Dialect == MeetbotDialect.OpenStack)
                {
                    Votes.RunOpenStack(m, command, line);
                }
                else if (m.Dialect == MeetbotDialect.Meetingology)
                {
                    Votes.RunMeetingology(m, command, line);
                }

                break;
        }
    }

    /// <summary>Runs a chair-only command, or counts it as ignored. Matrix has no chairs: anyone allowed may do it.</summary>
    public static void IfChair(MeetingState m, LogLine line, Action action)
    {
        if (ByChair(m, line))
        {
            action();
        }
    }

    /// <summary>Whether a chair-only command may run (counted as ignored when not); no delegate for the common commands.</summary>
    public static bool ByChair(MeetingState m, LogLine line)
    {
        if (m.Dialect == MeetbotDialect.Matrix || m.IsChair(line.Nick))
        {
            return true;
        }

        m.IgnoredChairCommands++;
        return false;
    }

    public static void ChairItem(MeetingState m, ItemKind kind, string text, LogLine line)
    {
        if (ByChair(m, line))
        {
            m.AddItem(kind, text, line);
        }
    }

    /// <summary><c>re.split('[, ]+', line.strip())</c> without the empty parts.</summary>
    public static string[] SplitNicks(string text) => text.Trim().Split(ChairSeparators, StringSplitOptions.RemoveEmptyEntries);

    private static void EndMeeting(MeetingState m, LogLine line)
    {
        // OpenStack: chairs may end early; anyone may once the scheduled length has passed.
        var overdue = m.Dialect == MeetbotDialect.OpenStack && m.StartLine is { } start && line.Time >= start.Time + m.Info.MeetingLength;
        if (m.Dialect == MeetbotDialect.Matrix || overdue || m.IsChair(line.Nick))
        {
            if (m.Dialect == MeetbotDialect.Meetingology && m.MeetingologyVote.IsOpen)
            {
                m.AddVote(m.MeetingologyVote.End(), line);
            }

            m.End(line);
        }
        else
        {
            m.IgnoredChairCommands++;
        }
    }

    // do_meetingtopic: "none", "unset" or nothing clears it.
    private static string? MeetingTopicOrNull(string arg)
    {
        var text = arg.Trim();
        return text.Length == 0 || text.Equals("none", StringComparison.OrdinalIgnoreCase) || text.Equals("unset", StringComparison.OrdinalIgnoreCase)
            ? null
            : text;
    }

    private static void Chair(MeetingState m, string arg)
    {
        foreach (var nick in SplitNicks(arg))
        {
            if (m.Chairs.Add(nick))
            {
                m.AddNick(nick, 0);
            }
        }
    }
}
