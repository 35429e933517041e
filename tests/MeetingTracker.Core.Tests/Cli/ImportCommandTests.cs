using MeetingTracker.Cli;
using MeetingTracker.Core.Tests.Harvesting;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary>The <c>import</c> and <c>runs</c> verbs: their last line and exit codes are a contract.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public void Import_ends_with_the_meetings_line_and_runs_lists_the_runs_and_failed_files()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 2, Seed = 6, IncludeUnfinished = false });
        using var data = new TempDir();
        var broken = Path.Combine(tree.Root, "fedora-meeting", "2026-02-01", "broken.2026-02-01-10.00.log.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllBytes(broken, []);

        var first = CliRunner.Run("import", tree.Root, "--data", data.Path, "--name", "demo");
        var second = CliRunner.Run("import", tree.Root, "--data", data.Path, "--name", "demo");
        var runs = CliRunner.Run("runs", "--data", data.Path);

        Assert.Equal(1, first.Exit);
        Assert.Contains("failed (run 1): fedora-meeting/2026-02-01/broken.2026-02-01-10.00.log.txt: file is empty", first.Stdout, StringComparison.Ordinal);
        Assert.Equal($"meetings: {tree.Summary.Meetings} new, 0 updated, 0 unchanged, 1 failed", LastLine(first.Stdout));
        Assert.Equal(0, second.Exit);
        // The broken file is recorded once; it counts as unchanged until it or the parser changes.
        Assert.Equal($"meetings: 0 new, 0 updated, {tree.Summary.Meetings + 1} unchanged, 0 failed", LastLine(second.Stdout));
        Assert.Equal(0, runs.Exit);
        Assert.Matches(@"(?m)^2\s+demo\s+.*succeeded", runs.Stdout);
        Assert.Matches(@"(?m)^1\s+demo\s+.*succeeded", runs.Stdout);
        Assert.Contains("failed (run 1): fedora-meeting/2026-02-01/broken.2026-02-01-10.00.log.txt: file is empty", runs.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_finds_a_team_pattern_the_environment_gives_and_refuses_one_that_does_not_compile()
    {
        using var tree = new TempDir();
        using var data = new TempDir();
        tree.Write("fedora-meeting/2026-12-07/infra.2026-12-07-16.00.log.txt", Accountability.AccountabilityCorpus.Log("infra", "16", "#info ticket #77 is fixed"));
        var pattern = new Dictionary<string, string?>
        {
            ["MeetingTracker__Teams__Infra__References__0__Pattern"] = @"(?<![\w&])#(\d+)\b",
            ["MeetingTracker__Teams__Infra__References__0__Url"] = "https://pagure.io/fedora-infrastructure/issue/$1",
        };

        var bad = CliRunner.RunWith(new Dictionary<string, string?>(pattern) { ["MeetingTracker__Teams__Infra__References__0__Pattern"] = "#(\\d+" }, "import", tree.Path, "--data", data.Path);
        var good = CliRunner.RunWith(pattern, "import", tree.Path, "--data", data.Path);

        Assert.Equal(CliApp.UsageError, bad.Exit);
        Assert.StartsWith("meetingtracker: MeetingTracker:Teams:Infra:References: reference pattern '#(\\d+' is not a valid regular expression", bad.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, good.Exit);
        await using var services = await Core.Harvesting.HarvestingSetup.OpenAsync(data.Path, TestDatabase.For(data.Path), null, TestContext.Current.CancellationToken);
        await using var db = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Storage.TrackerDb>>(services).CreateDbContextAsync(TestContext.Current.CancellationToken);
        var mention = Assert.Single(db.Mentions);
        Assert.Equal(("pagure.io/fedora-infrastructure", "77", 6), (mention.ProjectKey, mention.Ticket, mention.Line));
    }

    [Fact]
    public void Import_of_a_missing_folder_is_a_usage_error()
    {
        using var data = new TempDir();

        var (exit, _, stderr) = CliRunner.Run("import", Path.Combine(data.Path, "nowhere"), "--data", data.Path);

        Assert.Equal(2, exit);
        Assert.Contains("no such folder", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://meetbot.fedoraproject.org/", "meetbot.fedoraproject.org")]
    [InlineData("http://127.0.0.1:8080/meetings/", "127.0.0.1-8080-meetings")]
    [InlineData("/srv/meetbot/", "meetbot")]
    public void Source_names_are_made_from_the_location(string location, string name)
        => Assert.Equal(name, MeetingTracker.Cli.Commands.ImportCommand.NameOf(location));

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].TrimEnd('\r');
}
