using System.Text;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Meetbot;

/// <summary>
/// Reference §5.10 (mote #687, maubot-meetings #43): the Matrix bot logs a multi-line message as one line per line,
/// with one time stamp; only the first line carries the tag, so the item is the first line and the rest is log.
/// </summary>
public sealed class MatrixMultiLineTests
{
    [Fact]
    public void A_multi_line_info_is_one_item_and_every_line_is_logged()
    {
        var log = string.Join('\n',
            "2024-01-08 16:01:02 <@alice:fedora.im> !startmeeting Fedora QA",
            "2024-01-08 16:02:10 <@bob:fedora.im> !info F40 blockers:",
            "2024-01-08 16:02:10 <@bob:fedora.im> - anaconda crash on btrfs",
            "2024-01-08 16:02:10 <@bob:fedora.im> - gnome-shell freeze",
            "2024-01-08 16:05:00 <@alice:fedora.im> !endmeeting");

        var result = MeetbotReader.Read(Encoding.UTF8.GetBytes(log), "meeting-1_matrix_fedoraproject-org/2024-01-08/fedora-qa.2024-01-08-16.01.log.txt");

        Assert.True(result.Ok, result.Error);
        var meeting = result.Meeting!;
        var item = Assert.Single(meeting.Items);
        Assert.Equal((ItemKind.Info, "F40 blockers:", 2), (item.Kind, item.Text, item.Line));
        Assert.Equal(5, meeting.LineCount);
        Assert.Equal(3, meeting.People.Single(p => p.Nick == "@bob:fedora.im").Lines);
    }
}
