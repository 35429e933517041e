using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Bench.Parse;

/// <summary>One file held in memory, so benchmarks measure parsing and not the disk.</summary>
public sealed record BenchFile(string Name, byte[] Bytes)
{
    public static double Megabytes(BenchFile[] files) => files.Sum(f => (long)f.Bytes.Length) / 1_048_576.0;
}

/// <summary>The files benchmarks read: sample-logs/ of the repository, or MEETINGTRACKER_BENCH_CORPUS.</summary>
public sealed record BenchCorpus(string Root, IReadOnlyList<BenchFile> Files)
{
    public BenchFile[] Of(MeetbotFormat format) => [.. Files.Where(f => MeetingFileName.FormatOfExtension(f.Name) == format)];

    public static BenchCorpus Load()
    {
        var root = Environment.GetEnvironmentVariable("MEETINGTRACKER_BENCH_CORPUS") ?? FindSampleLogs();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => MeetingFileName.TryParse(p) is not null)
            .Order(StringComparer.Ordinal)
            .Select(p => new BenchFile(p, File.ReadAllBytes(p)))
            .ToList();
        return new BenchCorpus(root, files);
    }

    private static string FindSampleLogs()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "sample-logs");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(d.FullName, "MeetingTracker.sln"))) return candidate;
        }

        throw new DirectoryNotFoundException("sample-logs/ not found above the benchmark binary; set MEETINGTRACKER_BENCH_CORPUS");
    }
}
