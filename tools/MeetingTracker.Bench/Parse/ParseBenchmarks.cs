using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Bench.Parse;

/// <summary>
/// Reading every file of one kind in the corpus, against a baseline that only decodes the same bytes and splits
/// them into lines. Targets (issue 2): .log.txt at ≥ 1/3 of the baseline's throughput, HTML at ≥ 1/10, i.e. a
/// Ratio column of at most 3 and 10.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ParseBenchmarks
{
    private BenchFile[] _logTxt = [];
    private BenchFile[] _logHtml = [];
    private BenchFile[] _minutesHtml = [];
    private BenchFile[] _minutesTxt = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = BenchCorpus.Load();
        _logTxt = corpus.Of(MeetbotFormat.LogTxt);
        _logHtml = corpus.Of(MeetbotFormat.LogHtml);
        _minutesHtml = corpus.Of(MeetbotFormat.MinutesHtml);
        _minutesTxt = corpus.Of(MeetbotFormat.MinutesTxt);
        Console.WriteLine($"// corpus {corpus.Root}: {_logTxt.Length} .log.txt ({BenchFile.Megabytes(_logTxt):F1} MB), {_logHtml.Length} .log.html ({BenchFile.Megabytes(_logHtml):F1} MB), {_minutesHtml.Length} .html ({BenchFile.Megabytes(_minutesHtml):F1} MB), {_minutesTxt.Length} .txt");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("log-txt")]
    public int LogTxt_SplitLines_Baseline() => SplitLines(_logTxt);

    [Benchmark, BenchmarkCategory("log-txt")]
    public int LogTxt_Read() => ReadAll(_logTxt);

    [Benchmark(Baseline = true), BenchmarkCategory("log-html")]
    public int LogHtml_SplitLines_Baseline() => SplitLines(_logHtml);

    [Benchmark, BenchmarkCategory("log-html")]
    public int LogHtml_Read() => ReadAll(_logHtml);

    [Benchmark(Baseline = true), BenchmarkCategory("minutes-html")]
    public int MinutesHtml_SplitLines_Baseline() => SplitLines(_minutesHtml);

    [Benchmark, BenchmarkCategory("minutes-html")]
    public int MinutesHtml_Read() => ReadAll(_minutesHtml);

    [Benchmark(Baseline = true), BenchmarkCategory("minutes-txt")]
    public int MinutesTxt_SplitLines_Baseline() => SplitLines(_minutesTxt);

    [Benchmark, BenchmarkCategory("minutes-txt")]
    public int MinutesTxt_Read() => ReadAll(_minutesTxt);

    /// <summary>The baseline: UTF-8 decode and one string per line, nothing else.</summary>
    private static int SplitLines(BenchFile[] files)
    {
        var n = 0;
        foreach (var f in files)
        {
            using var reader = new StringReader(Encoding.UTF8.GetString(f.Bytes));
            while (reader.ReadLine() is not null) n++;
        }

        return n;
    }

    private static int ReadAll(BenchFile[] files)
    {
        var n = 0;
        foreach (var f in files)
        {
            var result = MeetbotReader.Read(f.Bytes, f.Name);
            n += result.Meeting?.Items.Count ?? throw new InvalidOperationException($"{f.Name}: {result.Error}");
        }

        return n;
    }
}
