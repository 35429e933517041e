using MeetingTracker.Core.Tests.Harvesting;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary>The <c>agenda</c> verb over an imported server: the three formats, its links, and its refusals.</summary>
public sealed class AgendaCommandTests
{
    [Fact]
    public void Agenda_prints_the_team_s_next_agenda_in_each_format_with_links_under_the_given_address()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 8, Seed = 11, IncludeUnfinished = false });
        using var data = new TempDir();
        Assert.Equal(0, CliRunner.Run("import", tree.Root, "--data", data.Path).Exit);
        var team = Directory.GetFiles(tree.Root, "*.log.txt", SearchOption.AllDirectories).Select(f => Path.GetFileName(f).Split('.')[0]).First();

        var meetbot = CliRunner.Run("agenda", team, "--data", data.Path, "--format", "meetbot");
        var markdown = CliRunner.Run("agenda", team, "--data", data.Path, "--format", "markdown", "--url", "https://meetings.example.org/");
        var text = CliRunner.Run("agenda", team, "--data", data.Path);

        Assert.Equal((0, string.Empty), (meetbot.Exit, meetbot.Stderr));
        var lines = meetbot.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Matches("^#(topic|action|info|link) ", l));
        Assert.Contains(lines, l => l.StartsWith("#action ", StringComparison.Ordinal));
        Assert.Equal(0, markdown.Exit);
        Assert.StartsWith("# Agenda for the next meeting of ", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("](https://meetings.example.org/actions/", markdown.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, text.Exit);
        Assert.Contains("http://localhost:5080/actions/", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Agenda_refuses_an_unknown_team_a_missing_database_a_bad_format_or_address()
    {
        using var data = new TempDir();
        TestDatabase.Unmigrated(data.Path);

        var missing = CliRunner.Run("agenda", "infra", "--data", data.Path);
        var format = CliRunner.Run("agenda", "infra", "--data", data.Path, "--format", "pdf");
        var url = CliRunner.Run("agenda", "infra", "--data", data.Path, "--url", "ftp://x");

        Assert.Equal(1, missing.Exit);
        Assert.Contains("no database in", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, format.Exit);
        Assert.Equal(2, url.Exit);
        Assert.Contains("not an absolute http(s) URL", url.Stderr, StringComparison.Ordinal);

        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 1, Seed = 3, IncludeUnfinished = false });
        Assert.Equal(0, CliRunner.Run("import", tree.Root, "--data", data.Path).Exit);
        var unknown = CliRunner.Run("agenda", "no-such-team", "--data", data.Path);
        Assert.Equal((1, "meetingtracker: no team is called 'no-such-team'"), (unknown.Exit, unknown.Stderr.Trim()));
    }
}
