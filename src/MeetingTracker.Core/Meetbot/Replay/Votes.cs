using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>The vote commands of the two dialects that have them; each adds one VOTE item when the vote ends.</summary>
internal static class Votes
{
    public static void RunOpenStack(MeetingState m, Command command, LogLine line)
    {
        switch (command.Name)
        {
            case "startvote":
                MeetingCommands.IfChair(m, line, () => m.OpenStackVote ??= OpenStackVote.TryStart(command.Argument));
                break;
            case "vote":
                m.OpenStackVote?.Cast(line.Nick, command.Argument);
                break;
            case "endvote" when m.OpenStackVote is { } vote:
                MeetingCommands.IfChair(m, line, () =>
                {
                    m.AddVote(vote.Result(), line);
                    m.OpenStackVote = null;
                });
                break;
        }
    }

    public static void RunMeetingology(MeetingState m, Command command, LogLine line)
    {
        var vote = m.MeetingologyVote;
        switch (command.Name)
        {
            case "subtopic" or "progress":
                MeetingCommands.ChairItem(m, ItemKind.Subtopic, command.Argument, line);
                break;
            case "done":
                MeetingCommands.ChairItem(m, ItemKind.Done, command.Argument, line);
                break;
            case "vote":
                MeetingCommands.IfChair(m, line, () => vote.Start(command.Argument));
                break;
            case "votesrequired":
                MeetingCommands.IfChair(m, line, () => vote.VotesRequired = int.TryParse(command.Argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0);
                break;
            case "endvote":
                MeetingCommands.IfChair(m, line, () =>
                {
                    if (vote.IsOpen)
                    {
                        m.AddVote(vote.End(), line);
                    }
                });
                break;
            case "voters":
                MeetingCommands.IfChair(m, line, () =>
                {
                    foreach (var voter in vote.SetVoters(MeetingCommands.SplitNicks(command.Argument)))
                    {
                        m.AddNick(voter, 0);
                    }
                });
                break;
        }
    }
}
