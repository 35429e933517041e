using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Meetbot;

/// <summary>Grouping files into meetings: reference §5 bullets 1, 2, 4, 6 and 8, §8.1.</summary>
public sealed class MeetingFileGroupTests
{
    private const string Day = "fedora-meeting/2020-06-10/";

    [Fact]
    public void The_four_files_of_a_meeting_form_one_group_and_all_are_kept()
    {
        var groups = MeetingFileGroup.Group(Files(Day + "magazine.2020-06-10-12.02", ".log.txt", ".log.html", ".txt", ".html"), out _);

        var group = Assert.Single(groups);
        Assert.Equal("magazine.2020-06-10-12.02", group.MeetingKey);
        Assert.Equal(4, group.Files.Count);
    }

    [Fact]
    public void The_raw_log_is_the_source_of_truth_and_minutes_stand_in_without_it()
    {
        var withLog = MeetingFileGroup.Group(Files(Day + "a.2020-06-10-12.02", ".txt", ".html", ".log.html", ".log.txt"), out _);
        var withoutLog = MeetingFileGroup.Group(Files(Day + "b.2020-06-10-12.02", ".txt", ".html"), out _);

        Assert.EndsWith(".log.txt", withLog[0].SourceOfTruth, StringComparison.Ordinal);
        Assert.EndsWith(".html", withoutLog[0].SourceOfTruth, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_meeting_stub_is_dropped_in_favour_of_the_named_meeting()
    {
        string[] paths = [.. Files(Day + "magazine.2020-06-10-12.02", ".log.txt", ".html"), Day + "magazine_editorial_board.2020-06-10-12.02.log.txt"];

        var group = Assert.Single(MeetingFileGroup.Group(paths, out _));

        Assert.Equal("magazine", group.Name.Name);
    }

    [Fact]
    public void An_orphan_log_of_an_unended_meeting_is_kept()
    {
        var group = Assert.Single(MeetingFileGroup.Group([Day + "infra.2020-06-10-12.02.log.txt"], out _));

        Assert.Single(group.Files);
    }

    [Fact]
    public void Same_day_meetings_and_same_names_in_other_folders_stay_apart()
    {
        string[] paths =
        [
            Day + "infra.2020-06-10-12.02.log.txt", Day + "infra.2020-06-10-12.40.log.txt",
            "fedora-admin/2020-06-10/infra.2020-06-10-12.02.log.txt",
        ];

        Assert.Equal(3, MeetingFileGroup.Group(paths, out _).Count);
    }

    [Fact]
    public void Names_with_punctuation_and_non_ascii_group_and_other_files_are_set_aside()
    {
        string[] paths = [Day + "fedora_tagger_-_future_development.2013-01-02-15.00.html", Day + "réunion_équipe.2013-01-02-16.00.log.txt", "README", "index.html"];

        var groups = MeetingFileGroup.Group(paths, out var unnamed);

        Assert.Equal(["fedora_tagger_-_future_development", "réunion_équipe"], groups.Select(g => g.Name.Name));
        Assert.Equal(["README", "index.html"], unnamed);
    }

    private static string[] Files(string stem, params string[] exts) => [.. exts.Select(e => stem + e)];
}
