using System.Globalization;
using System.Text;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Replay;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>Small hand-written logs: bot headers per dialect and a compact "nick: text" body notation.</summary>
internal static class ReplayFixture
{
    public const string FileName = "team.2020-06-10-14.10.log.txt";

    public static readonly string[] Debian =
    [
        "14:10:12 <alice> #startmeeting Team sync",
        "14:10:12 <MeetBot> Meeting started Wed Jun 10 14:10:12 2020 UTC.  The chair is alice. Information about MeetBot at http://wiki.debian.org/MeetBot.",
        "14:10:12 <MeetBot> Useful Commands: #action #agreed #help #info #idea #link #topic.",
    ];

    public static readonly string[] Fedora =
    [
        "14:10:12 <alice> #startmeeting Team sync",
        "14:10:12 <zodbot> Meeting started Wed Jun 10 14:10:12 2020 UTC.",
        "14:10:12 <zodbot> This meeting is logged and archived in a public location.",
        "14:10:12 <zodbot> The chair is alice. Information about MeetBot at http://wiki.debian.org/MeetBot.",
        "14:10:12 <zodbot> Useful Commands: #action #agreed #halp #info #idea #link #topic.",
        "14:10:12 <zodbot> The meeting name has been set to 'team_sync'",
    ];

    public static readonly string[] OpenStack =
    [
        "14:10:12 <alice> #startmeeting Team sync",
        "14:10:12 <openstack> Meeting started Wed Jun 10 14:10:12 2020 UTC and is due to finish in 60 minutes.  The chair is alice. Information about MeetBot at http://wiki.debian.org/MeetBot.",
        "14:10:12 <openstack> Useful Commands: #action #agreed #help #info #idea #link #topic #startvote.",
        "14:10:12 <openstack> The meeting name has been set to 'team_sync'",
    ];

    public static readonly string[] Meetingology =
    [
        "14:10 <alice> #startmeeting Team sync",
        "14:10 <meetingology> Meeting started at 14:10:12 UTC.  The chair is alice.  Information about MeetBot at https://wiki.ubuntu.com/meetingology",
        "14:10 <meetingology> Available commands: action, commands, idea, info, link, nick",
    ];

    public static string[] HeaderOf(MeetbotDialect dialect) => dialect switch
    {
        MeetbotDialect.Meetbot014 => Fedora,
        MeetbotDialect.OpenStack => OpenStack,
        MeetbotDialect.Meetingology => Meetingology,
        _ => Debian,
    };

    /// <summary>
    /// A log from a header plus a body in "nick: text" lines ("* nick text" for /me), timed one second apart from
    /// 14:10:20 (meetingology: minutes only), ended by <c>alice: #endmeeting</c> unless <paramref name="end"/> is false.
    /// </summary>
    public static string Log(string[] header, string body, bool end = true)
    {
        var minutesOnly = header[0].Length > 2 && header[0][5] == ' ';
        var lines = new List<string>(header);
        var second = 20;
        foreach (var entry in body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Concat(end ? ["alice: #endmeeting"] : []))
        {
            var time = TimeSpan.FromHours(14) + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(second++);
            var stamp = time.ToString(minutesOnly ? @"hh\:mm" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
            lines.Add(entry.StartsWith("* ", StringComparison.Ordinal)
                ? $"{stamp} {entry}"
                : $"{stamp} <{entry[..entry.IndexOf(':', StringComparison.Ordinal)]}> {entry[(entry.IndexOf(':', StringComparison.Ordinal) + 2)..]}");
        }

        return string.Join('\n', lines);
    }

    public static ParsedMeeting Read(string log, string fileName = FileName) =>
        LogTxtReader.Read(Encoding.UTF8.GetBytes(log), MeetingFileName.TryParse(fileName));

    public static ParsedMeeting Run(MeetbotDialect dialect, string body, bool end = true) => Read(Log(HeaderOf(dialect), body, end));

    /// <summary>Topics and items in meeting order: "TOPIC title", "ACTION text", ….</summary>
    public static string Minutes(ParsedMeeting m) => string.Join(" | ",
        m.Topics.Select(t => (t.Line, Text: "TOPIC " + t.Title))
            .Concat(m.Items.Select(i => (i.Line, Text: i.Kind.ToString().ToUpperInvariant() + " " + i.Text)))
            .OrderBy(x => x.Line)
            .Select(x => x.Text));

    public static string People(ParsedMeeting m) => string.Join(" ", m.People.Select(p => $"{p.Nick}({p.Lines})"));
}
