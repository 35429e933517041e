using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Meetbot;

public sealed class MeetingFileNameTests
{
    [Theory]
    [InlineData("fedora-meeting/2020-06-10/magazine.2020-06-10-12.02.log.txt", "magazine", "magazine.2020-06-10-12.02", MeetbotFormat.LogTxt, "#fedora-meeting")]
    [InlineData("tor-meeting/2026/tor-meeting.2026-04-30-16.00.log.html", "tor-meeting", "tor-meeting.2026-04-30-16.00", MeetbotFormat.LogHtml, "#tor-meeting")]
    [InlineData("meetings/tc/2014/tc.2014-12-09-20.02.txt", "tc", "tc.2014-12-09-20.02", MeetbotFormat.MinutesTxt, "#tc")]
    [InlineData("ubuntu-meeting/2014/ubuntu-meeting.2014-03-19-18.03.moin.txt", "ubuntu-meeting", "ubuntu-meeting.2014-03-19-18.03", MeetbotFormat.Moin, "#ubuntu-meeting")]
    [InlineData("meeting-1_matrix_fedoraproject-org/2024-01-08/fedora-qa.2024-01-08-16.01.html", "fedora-qa", "fedora-qa.2024-01-08-16.01", MeetbotFormat.MinutesHtml, "meeting-1_matrix_fedoraproject-org")]
    [InlineData("fedora_tagger_-_future_development-2013-01-02-15.00.html", "fedora_tagger_-_future_development", "fedora_tagger_-_future_development.2013-01-02-15.00", MeetbotFormat.MinutesHtml, null)]
    [InlineData("ln_spec_meeting/2021/ln_spec_meeting.2021-07-05-20.06.log.txt", "ln_spec_meeting", "ln_spec_meeting.2021-07-05-20.06", MeetbotFormat.LogTxt, "#ln_spec_meeting")]
    [InlineData("x/2021/other.2021-07-05-20.06.log.txt", "other", "other.2021-07-05-20.06", MeetbotFormat.LogTxt, null)]
    public void Parses_every_layout(string path, string name, string key, MeetbotFormat format, string? channel)
    {
        var parsed = MeetingFileName.TryParse(path);

        Assert.NotNull(parsed);
        Assert.Equal(name, parsed.Name);
        Assert.Equal(key, parsed.MeetingKey);
        Assert.Equal(format, parsed.Format);
        Assert.Equal(channel, parsed.ChannelHint);
    }

    [Fact]
    public void Files_of_one_meeting_share_a_key()
    {
        string[] exts = [".log.txt", ".log.html", ".txt", ".html"];
        var keys = exts.Select(e => MeetingFileName.TryParse("magazine.2020-06-10-12.02" + e)!.MeetingKey).Distinct();

        Assert.Single(keys);
    }

    [Theory]
    [InlineData("ukmeet.log")]
    [InlineData("20220103-1905.html")]
    [InlineData("magazine.2020-13-10-12.02.html")]
    [InlineData("magazine.2020-06-10-25.02.html")]
    [InlineData("")]
    public void Rejects_names_without_a_meeting_stamp(string path) => Assert.Null(MeetingFileName.TryParse(path));
}
