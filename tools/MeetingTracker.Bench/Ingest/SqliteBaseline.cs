using System.Diagnostics;
using System.Globalization;
using System.Text;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Bench.Ingest;

/// <summary>
/// The baseline: the sqlite3 command-line tool bulk-importing the same log lines into one table of a new WAL
/// database. The lines are those <see cref="MeetbotReader"/> reads from each real meeting's <c>.log.txt</c> (the
/// rows the harvester stores), written once as RFC 4180 CSV; only the sqlite3 process is timed.
/// </summary>
public static class SqliteBaseline
{
    public const string Sqlite3 = "/usr/bin/sqlite3";

    private const string Script = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE lines(meeting TEXT NOT NULL, number INTEGER NOT NULL, time TEXT NOT NULL, nick TEXT NOT NULL, text TEXT NOT NULL);
        .mode csv
        .import "{csv}" lines
        SELECT count(*) FROM lines;
        """;

    /// <summary>Writes the CSV; returns the rows written.</summary>
    public static long WriteCsv(BenchServer server, string csvPath)
    {
        long rows = 0;
        using var writer = new StreamWriter(csvPath, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        foreach (var group in server.Groups)
        {
            if (!group.Files.TryGetValue(MeetbotFormat.LogTxt, out var log)) continue;
            var read = MeetbotReader.Read(File.ReadAllBytes(Path.Combine(server.Root, log)), log);
            if (!read.Ok) throw new InvalidDataException($"{log}: {read.Error}");
            var key = Quote($"{group.Folder}/{group.MeetingKey}");
            foreach (var line in read.Meeting!.Lines)
            {
                writer.Write(key);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",{line.Number},{line.Time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},"));
                writer.Write(Quote(line.Nick));
                writer.Write(',');
                writer.Write(Quote(line.Text));
                writer.Write('\n');
                rows++;
            }
        }

        return rows;
    }

    public static string Version()
    {
        var (output, _) = Run("--version", null);
        return output.Trim();
    }

    /// <summary>Imports <paramref name="csvPath"/> into a new database at <paramref name="dbPath"/>; checks the row count.</summary>
    public static TimeSpan Import(string csvPath, string dbPath, long expectedRows)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }

        var (output, elapsed) = Run(dbPath, Script.Replace("{csv}", csvPath, StringComparison.Ordinal));
        var count = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        if (!string.Equals(count, expectedRows.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"sqlite3 imported {count} rows, expected {expectedRows}: {output}");
        }

        return elapsed;
    }

    private static (string Output, TimeSpan Elapsed) Run(string argument, string? input)
    {
        var start = new ProcessStartInfo(Sqlite3)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(argument);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Sqlite3}");
        process.StandardInput.Write(input ?? string.Empty);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0 || error.Result.Length > 0)
        {
            throw new InvalidOperationException($"sqlite3 {argument} exited with {process.ExitCode}: {error.Result}");
        }

        return (output, watch.Elapsed);
    }

    private static string Quote(string value)
        => value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
