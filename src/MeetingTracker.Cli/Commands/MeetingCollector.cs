using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Cli.Commands;

/// <summary>Meetings read from a folder: one per file group, from its source-of-truth file.</summary>
internal sealed record CollectedMeetings(IReadOnlyList<(MeetingFileGroup Group, ParsedMeeting Meeting)> Meetings, IReadOnlyList<(string File, string Reason)> Failures);

internal static class MeetingCollector
{
    public static CollectedMeetings Collect(string root, CancellationToken cancellationToken)
    {
        var groups = MeetingFileGroup.Group(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories), out _);
        var meetings = new List<(MeetingFileGroup, ParsedMeeting)>();
        var failures = new List<(string, string)>();
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = MeetbotReader.ReadFile(group.SourceOfTruth);
            if (result.Meeting is { } meeting) meetings.Add((group, meeting));
            else failures.Add((Path.GetRelativePath(root, group.SourceOfTruth), result.Error ?? "failed"));
        }

        return new CollectedMeetings(meetings, failures);
    }
}
