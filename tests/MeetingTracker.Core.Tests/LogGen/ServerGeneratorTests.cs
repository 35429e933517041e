using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Core.Tests.LogGen;

/// <summary>The synthetic server: deterministic, laid out per deployment, with the quirks it promises.</summary>
public sealed class ServerGeneratorTests
{
    private static readonly GeneratorOptions Small = new() { Teams = 3, Weeks = 6, Seed = 11, Start = new DateOnly(2026, 9, 7) };

    [Theory]
    [InlineData(ServerLayout.Fedora)]
    [InlineData(ServerLayout.Debian)]
    [InlineData(ServerLayout.OpenStack)]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not(ServerLayout layout)
    {
        var options = Small with { Layout = layout };

        var first = Fingerprint(options);

        Assert.Equal(first, Fingerprint(options));
        Assert.NotEqual(first, Fingerprint(options with { Seed = 12 }));
    }

    [Theory]
    [InlineData(ServerLayout.Fedora, @"^(fedora-meeting(-\d)?|fedora-[a-z]+)/\d{4}-\d{2}-\d{2}$")]
    [InlineData(ServerLayout.Debian, @"^(debian|tor)-[a-z0-9-]+/\d{4}$")]
    [InlineData(ServerLayout.OpenStack, @"^[a-z0-9_]+/\d{4}$")]
    public void Files_follow_the_deployment_layout(ServerLayout layout, string directoryPattern)
    {
        foreach (var m in ServerGenerator.Generate(Small with { Layout = layout }))
        {
            Assert.Matches(directoryPattern, m.Directory);
            var name = MeetingFileName.TryParse(m.RelativePath(MeetbotFormat.LogTxt));
            Assert.NotNull(name);
            Assert.Equal(m.BaseName, name.MeetingKey);
            var folder = m.Directory[..m.Directory.IndexOf('/', StringComparison.Ordinal)];
            var expectedName = layout switch
            {
                ServerLayout.Fedora => m.Meeting.MeetingName,
                ServerLayout.Debian => m.Meeting.Channel!.TrimStart('#'),
                _ => folder,
            };
            Assert.Equal(expectedName, name.Name);
            if (layout == ServerLayout.Fedora)
            {
                Assert.Equal(m.Meeting.Channel, "#" + folder);
                Assert.EndsWith(m.Meeting.StartedAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.Directory, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Exactly_one_meeting_is_unfinished_and_leaves_only_a_log_txt()
    {
        var unfinished = ServerGenerator.Generate(Small with { Teams = 4 }).Where(m => !m.Meeting.IsComplete && !m.IsRenameStub).ToList();

        var meeting = Assert.Single(unfinished);
        var file = Assert.Single(meeting.Write().Files);
        Assert.Equal(MeetbotFormat.LogTxt, file.Format);
        Assert.Null(meeting.Meeting.EndedAt);
        Assert.DoesNotContain(meeting.Meeting.Lines, l => l.Text.StartsWith("#endmeeting", StringComparison.Ordinal));
        Assert.NotEqual("zodbot", meeting.Meeting.Lines[^1].Nick);
    }

    [Fact]
    public void A_Fedora_rename_leaves_a_one_line_log_under_the_first_name()
    {
        var meetings = ServerGenerator.Generate(Small with { Teams = 4 }).ToList();

        var stub = meetings.First(m => m.IsRenameStub);
        var renamed = meetings[meetings.IndexOf(stub) + 1];
        Assert.Equal(stub.Directory, renamed.Directory);
        Assert.Equal(stub.BaseName[stub.BaseName.LastIndexOf('.', stub.BaseName.Length - 4)..], renamed.BaseName[renamed.BaseName.LastIndexOf('.', renamed.BaseName.Length - 4)..]);
        Assert.NotEqual(stub.BaseName, renamed.BaseName);
        var file = Assert.Single(stub.Write().Files);
        Assert.Equal(Encoding.UTF8.GetString(file.Content), LineText(renamed.Meeting.Lines[0]));
        Assert.Contains(renamed.Meeting.Lines, l => l.Text.StartsWith("#meetingname ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_late_team_crosses_midnight_and_its_log_clock_wraps()
    {
        var crossing = ServerGenerator.Generate(Small).First(m => m.Meeting.EndedAt is { } end && end.Date > m.Meeting.StartedAt!.Value.Date);

        var log = Encoding.UTF8.GetString(crossing.Write()[MeetbotFormat.LogTxt]!.Content);
        Assert.StartsWith("23:", log, StringComparison.Ordinal);
        Assert.Contains("\n00:", log, StringComparison.Ordinal);
        Assert.True(crossing.Meeting.Lines.Zip(crossing.Meeting.Lines.Skip(1)).All(p => p.First.Time <= p.Second.Time));
    }

    [Theory]
    [InlineData(ServerLayout.Fedora, "zodbot", "This meeting is logged and archived in a public location.")]
    [InlineData(ServerLayout.Debian, "MeetBot", "Useful Commands: #action #agreed #help #info #idea #link #topic.")]
    [InlineData(ServerLayout.OpenStack, "openstack", "Useful Commands: #action #agreed #help #info #idea #link #topic #startvote.")]
    public void Each_deployment_has_its_bot_and_start_lines(ServerLayout layout, string bot, string startLine)
    {
        var meeting = ServerGenerator.Generate(Small with { Layout = layout }).First().Meeting;

        Assert.StartsWith("#startmeeting", meeting.Lines[0].Text, StringComparison.Ordinal);
        Assert.Contains(meeting.Lines.Take(6), l => l.Nick == bot && l.Text == startLine);
        Assert.Matches(@"^Meeting started \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} UTC", meeting.Lines[1].Text);
        Assert.Contains(meeting.People, p => p.Nick == bot && p.Lines > 0);
    }

    [Fact]
    public void Actions_are_carried_over_verbatim_across_a_teams_meetings()
    {
        var byTeam = ServerGenerator.Generate(Small with { Weeks = 10 }).GroupBy(m => m.Team);

        var carried = byTeam.SelectMany(t => t
            .SelectMany(m => m.Meeting.Items.Where(i => i.Kind == ItemKind.Action).Select(i => (i.Text, m.BaseName)).Distinct())
            .GroupBy(x => x.Text)
            .Where(g => g.Count() >= 2));
        Assert.NotEmpty(carried);
    }

    [Fact]
    public void The_server_has_the_quirks_readers_must_survive()
    {
        var meetings = ServerGenerator.Generate(Small with { Layout = ServerLayout.OpenStack, Teams = 6, Weeks = 10 }).Select(m => m.Meeting).ToList();
        var lines = meetings.SelectMany(m => m.Lines).ToList();

        Assert.Contains(meetings, m => m.People.Any(p => p.Lines == 0));
        Assert.Contains(lines, l => Regex.IsMatch(l.Nick, @"(_|\|away|\[m\])$"));
        Assert.Contains(lines, l => l.Nick.Any(char.IsAsciiLetterUpper));
        Assert.Contains(lines, l => l.IsEmote);
        Assert.Contains(lines, l => l.Text == "#undo");
        Assert.Contains(lines, l => l.Text.StartsWith("#chair ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.StartsWith("#nick ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.StartsWith("#startvote ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.StartsWith("http", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.Any(c => c > 0x2E80));
        Assert.Contains(lines, l => l.Text.Contains('&', StringComparison.Ordinal) || l.Text.Contains('<', StringComparison.Ordinal));
        Assert.Contains(meetings.SelectMany(m => m.Items), i => i.Kind == ItemKind.Vote);
        Assert.Contains(meetings.SelectMany(m => m.Items), i => i.Kind == ItemKind.Action && i.Assignees.Count == 0);
    }

    [Fact]
    public void WriteTo_puts_every_file_at_its_relative_path()
    {
        var root = Path.Combine(Path.GetTempPath(), "loggen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Small with { Teams = 2, Weeks = 2 };

            var summary = ServerGenerator.WriteTo(root, options, TestContext.Current.CancellationToken);

            var expected = ServerGenerator.Generate(options).SelectMany(m => m.Write().Files.Select(f => $"{m.Directory}/{f.FileName}")).Order(StringComparer.Ordinal);
            var actual = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
            Assert.Equal(4, summary.Meetings);
            Assert.Equal(0, summary.RenameStubs);
            Assert.Equal(13, summary.Files);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static string LineText(LogLine l) => $"{l.Time.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} <{l.Nick}> {l.Text}";

    private static string Fingerprint(GeneratorOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var m in ServerGenerator.Generate(options))
        {
            foreach (var f in m.Write().Files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(m.Directory + "/" + f.FileName));
                hash.AppendData(f.Content);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
