using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Conformance;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Core.Tests.Meetbot;

/// <summary>The writer check of <c>meetingtracker conformance</c>: agrees on files the writer made, and can disagree.</summary>
public sealed class WriterConformanceTests
{
    [Fact]
    public void Files_written_by_meetbot_rules_are_rewritten_byte_for_byte_and_a_changed_byte_is_reported()
    {
        using var dir = new TempDir();
        var meetings = ServerGenerator.Generate(new GeneratorOptions { Teams = 2, Weeks = 2, Seed = 7, IncludeUnfinished = false })
            .Where(g => !g.IsRenameStub).ToList();
        foreach (var generated in meetings)
        {
            foreach (var file in generated.Write().Files)
            {
                dir.Write(generated.RelativePath(file.Format), file.Content);
            }
        }

        var agreed = WriterConformance.Check(dir.Path, out var compared, TestContext.Current.CancellationToken);
        Assert.Empty(agreed);
        Assert.Equal(4 * meetings.Count, compared);

        var html = Path.Combine(dir.Path, meetings[0].RelativePath(MeetbotFormat.MinutesHtml));
        var bytes = File.ReadAllBytes(html);
        bytes[^20] ^= 0x20;
        File.WriteAllBytes(html, bytes);

        var differing = Assert.Single(WriterConformance.Check(dir.Path, out _, TestContext.Current.CancellationToken));
        Assert.Equal(("minutes-html", "writer"), (differing.Kind, differing.Check));
    }
}
