using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;
using MeetingTracker.Core.Tests.Storage;
using MeetingTracker.Tests.Servers;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary><c>meetingtracker copy-data</c>: its output, its refusals and its exit codes, between the two engines.</summary>
public sealed class CopyDataCommandTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Copy_data_prints_a_line_per_table_the_check_and_a_summary_and_refuses_a_second_copy()
    {
        await using var rig = await DataCopyTests.InstallationAsync(Ct);
        using var folder = new TempDir();
        var from = DataCopyTests.Text(DataCopyTests.Of(rig.DataDir));
        var to = DataCopyTests.Text(TestDatabase.IsPostgreSql ? Core.Storage.DatabaseOptions.Parse($"sqlite:{folder.Path}/copy.db") : postgres.NewDatabase());

        var (exit, stdout, stderr) = CliRunner.Run("copy-data", "--from", from, "--to", to, "--batch", "500");

        Assert.True(exit == 0, stderr);
        var lines = CliRunner.Lines(stdout);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^copied LogLines: [\d,]+ rows in \d+\.\d s$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^AspNetUsers +4  [0-9a-f]{16}  ok$"));
        // Every table of the model, whatever it holds today (a count written down here went stale with the next table).
        int tables;
        using (var model = Core.Storage.StorageSetup.Open(Core.Storage.DatabaseOptions.Default, folder.Path)) tables = model.Model.GetRelationalModel().Tables.Count();
        Assert.Equal(tables, lines.Count(l => l.StartsWith("copied ", StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal)));
        Assert.Matches($@"^copied {tables} tables, [\d,]+ rows in \d+\.\d s; verified$", lines[^1]);
        Assert.DoesNotContain(lines, l => l.EndsWith("DIFFERS", StringComparison.Ordinal));

        var verify = CliRunner.Run("copy-data", "--from", from, "--to", to, "--verify-only");
        Assert.Equal(0, verify.Exit);
        Assert.Matches($@"^checked {tables} tables, [\d,]+ rows in \d+\.\d s; identical$", CliRunner.Lines(verify.Stdout)[^1]);

        var again = CliRunner.Run("copy-data", "--from", from, "--to", to);
        Assert.Equal(1, again.Exit);
        Assert.Matches(@"^meetingtracker: the target .* is not empty \(.*\): copy-data writes only into an empty database; give a new one \(createdb, or a new file\)$", CliRunner.Lines(again.Stderr).Single());
    }

    [Fact]
    public void Bad_input_is_one_line_exit_1_or_2()
    {
        using var folder = new TempDir();
        var missing = CliRunner.Run("copy-data", "--from", $"sqlite:{folder.Path}/none.db", "--to", $"sqlite:{folder.Path}/to.db");
        var unreachable = CliRunner.Run("copy-data", "--from", "postgres:" + PostgresServer.Unreachable(), "--to", $"sqlite:{folder.Path}/to.db");
        var form = CliRunner.Run("copy-data", "--from", "mysql:db", "--to", $"sqlite:{folder.Path}/to.db");
        var noTarget = CliRunner.Run("copy-data", "--from", $"sqlite:{folder.Path}/none.db");

        Assert.Equal((1, $"meetingtracker: the source {folder.Path}/none.db does not exist"), (missing.Exit, missing.Stderr.TrimEnd()));
        Assert.Equal(1, unreachable.Exit);
        Assert.Matches(@"^meetingtracker: the source PostgreSQL database postgres on 127\.0\.0\.1:\d+ cannot be opened: Failed to connect to 127\.0\.0\.1:\d+$", unreachable.Stderr.TrimEnd());
        Assert.Equal((2, "meetingtracker: 'mysql:db': give sqlite:PATH or postgres:CONNECTION-STRING."), (form.Exit, form.Stderr.TrimEnd()));
        Assert.Equal(2, noTarget.Exit);
        Assert.Contains("--to", noTarget.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists($"{folder.Path}/to.db"));
    }
}
