using System.Globalization;
using System.Text;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Writing;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Core.Tests.LogGen;

/// <summary>
/// The round-trip property: for thousands of generated meetings, each file the writer makes reads back (through
/// <see cref="MeetbotReader"/>) as the meeting the generator meant, for everything that file kind carries. Logs carry
/// lines, chairs and everything else; HTML minutes carry topics, items with line anchors, people, start and end;
/// text minutes the same without line numbers. Failures are grouped by file kind and field with one example each.
/// </summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData(ServerLayout.Fedora, 21)]
    [InlineData(ServerLayout.Debian, 22)]
    [InlineData(ServerLayout.OpenStack, 23)]
    public void Every_file_reads_back_as_the_meeting_written(ServerLayout layout, int seed)
    {
        var problems = new Problems();
        var files = 0;
        foreach (var generated in ServerGenerator.Generate(new GeneratorOptions { Layout = layout, Teams = 20, Weeks = 40, Seed = seed }))
        {
            foreach (var file in generated.Write().Files)
            {
                files++;
                var path = generated.RelativePath(file.Format);
                var result = MeetbotReader.Read(file.Content, path);
                if (result.Meeting is not { } read)
                {
                    problems.Add(file.Format, "read", path, "a meeting", result.Error);
                    continue;
                }

                Compare(new Check(problems, file.Format, path), generated, read);
                if (file.Format != MeetbotFormat.LogTxt || layout != ServerLayout.OpenStack)
                {
                    // An OpenStack .log.txt alone cannot tell its channel: its folder is the meeting name.
                    new Check(problems, file.Format, path).Equal("channel", generated.Meeting.Channel, read.Channel);
                }
            }
        }

        Assert.True(files > 3000, $"only {files} files were generated");
        Assert.True(problems.IsEmpty, problems.Report());
    }

    /// <summary>
    /// Ubuntu's meetingology in each of its eras (the start date chooses it): every <c>.moin.txt</c>, <c>.log.html</c>
    /// and <c>.html</c> reads back as the meeting meant, votes included. The moin minutes embed the full log, so they
    /// carry everything a log carries plus the minutes. From 2013-04-21 meetingology stores <c>HH:MM</c>: times are
    /// compared to the minute; early meetingology kept votes out of its <c>.html</c> minutes list.
    /// </summary>
    [Theory]
    [InlineData("2012-01-02", 31)]
    [InlineData("2015-01-05", 32)]
    [InlineData("2023-01-02", 33)]
    public void Every_meetingology_file_reads_back_as_the_meeting_written(string start, int seed)
    {
        var problems = new Problems();
        var files = 0;
        var options = new GeneratorOptions { Layout = ServerLayout.Ubuntu, Teams = 10, Weeks = 20, Seed = seed, Start = DateOnly.Parse(start, CultureInfo.InvariantCulture) };
        foreach (var generated in ServerGenerator.Generate(options))
        {
            var early = generated.WriterOptions.Era == MeetingologyEra.Early;
            foreach (var file in generated.Write().Files)
            {
                files++;
                var path = generated.RelativePath(file.Format);
                var result = MeetbotReader.Read(file.Content, path);
                if (result.Meeting is not { } read)
                {
                    problems.Add(file.Format, "read", path, "a meeting", result.Error);
                    continue;
                }

                var check = new Check(problems, file.Format, path) { ToMinute = !early };
                var meant = early && file.Format == MeetbotFormat.MinutesHtml
                    ? generated with { Meeting = generated.Meeting with { Items = [.. generated.Meeting.Items.Where(i => i.Kind != ItemKind.Vote)] } }
                    : generated;
                if (generated.WriterOptions.Era == MeetingologyEra.New && file.Format == MeetbotFormat.MinutesHtml && meant.Meeting.Title is { } title
                    && !title.Contains("meeting", StringComparison.OrdinalIgnoreCase))
                {
                    // 0.4.0 titles its page "#chan: Title meeting" when the title lacks the word; the .html alone cannot
                    // tell that from a title typed with it (the moin and log, which carry #startmeeting, can).
                    meant = meant with { Meeting = meant.Meeting with { Title = title + " meeting" } };
                }
                Compare(check, meant, read);
                check.Equal("channel", generated.Meeting.Channel, read.Channel);
                if (file.Format != MeetbotFormat.MinutesHtml)
                {
                    // The log replays the votes; the moin minutes also print the results' own sentence.
                    var statement = file.Format == MeetbotFormat.Moin;
                    check.Sequence("votes", Votes(generated.Meeting, statement), Votes(read, statement));
                }
            }
        }

        Assert.True(files > 500, $"only {files} files were generated");
        Assert.True(problems.IsEmpty, problems.Report());
    }

    private static IEnumerable<string> Votes(ParsedMeeting m, bool statement) => m.Items.Where(i => i.Kind == ItemKind.Vote).Select(i => i.Vote is not { } v
        ? $"{i.Text}: no vote record"
        : $"{v.Question} | {v.Outcome} | {v.For}/{v.Against}/{v.Abstained} | [{string.Join(", ", v.Voters)}]{(statement ? " | " + v.ResultsStatement : string.Empty)}");

    private static void Compare(Check c, GeneratedMeeting generated, ParsedMeeting actual)
    {
        var expected = generated.Meeting;
        var isLog = c.Format is MeetbotFormat.LogTxt or MeetbotFormat.LogHtml;
        var hasLog = isLog || c.Format == MeetbotFormat.Moin;
        var hasLines = c.Format != MeetbotFormat.MinutesTxt;
        c.Equal("title", expected.Title, actual.Title);
        c.Equal("startedBy", expected.StartedBy, actual.StartedBy);
        c.Equal("startedAt", c.Time(expected.StartedAt), c.Time(actual.StartedAt));
        c.Equal("endedAt", c.Time(expected.EndedAt), c.Time(actual.EndedAt));
        c.Equal("isComplete", expected.IsComplete, actual.IsComplete);
        c.Sequence("topics", expected.Topics.Select(t => Topic(c, t, hasLines)), actual.Topics.Select(t => Topic(c, t, hasLines)));
        c.Sequence("items", expected.Items.Select(i => Item(c, i, hasLines)), actual.Items.Select(i => Item(c, i, hasLines)));
        c.Sequence("assignees", expected.Items.Select(Assignees), actual.Items.Select(Assignees));
        if (hasLog)
        {
            c.Sequence("lines", expected.Lines.Select(l => Line(c, l)), actual.Lines.Select(l => Line(c, l)));
            c.Sequence("chairs", expected.Chairs, actual.Chairs);
            if (!generated.IsRenameStub)
            {
                // A rename stub holds only the #startmeeting line: nothing in it says it is zodbot's, which names meetings.
                c.Equal("meetingName", expected.MeetingName, actual.MeetingName);
            }

            c.Equal("lineCount", expected.LineCount, actual.LineCount);
            // Ties in line counts have no order a log could tell; the minutes print Python 2's dict order.
            c.Sequence("people", expected.People.Select(Person).Order(StringComparer.Ordinal), actual.People.Select(Person).Order(StringComparer.Ordinal));
        }

        if (!isLog)
        {
            c.Sequence("people", expected.People.Select(Person), actual.People.Select(Person));
        }
    }

    private static string Topic(Check c, Topic t, bool line) => $"{t.Title} | {t.Nick} | {c.Time(t.Time)}{(line ? $" | l-{t.Line}" : string.Empty)}";

    private static string Item(Check c, MinutesItem i, bool line) =>
        $"{i.Kind} {i.Text} | {i.Nick} | {c.Time(i.Time)}{(line ? $" | l-{i.Line}" : string.Empty)} | topic {i.TopicIndex}";

    private static string Assignees(MinutesItem i) => $"{i.Kind} {i.Text} -> [{string.Join(", ", i.Assignees)}]";

    private static string Line(Check c, LogLine l) => $"{l.Number} {c.Time(l.Time)} {(l.IsEmote ? "*" : "<")}{l.Nick}{(l.IsEmote ? string.Empty : ">")} {l.Text}";

    private static string Person(Attendee a) => $"{a.Nick} ({a.Lines})";

    private sealed record Check(Problems Problems, MeetbotFormat Format, string Path)
    {
        /// <summary>Compare times to the minute: the file stores <c>HH:MM</c> (meetingology from 2013-04-21).</summary>
        public bool ToMinute { get; init; }

        public string Time(DateTimeOffset t) => t.ToString(ToMinute ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        public string? Time(DateTimeOffset? t) => t is { } v ? Time(v) : null;

        public void Equal<T>(string field, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                Problems.Add(Format, field, Path, Convert.ToString(expected, CultureInfo.InvariantCulture), Convert.ToString(actual, CultureInfo.InvariantCulture));
            }
        }

        public void Sequence(string field, IEnumerable<string> expected, IEnumerable<string> actual)
        {
            var e = expected.ToList();
            var a = actual.ToList();
            var i = 0;
            while (i < e.Count && i < a.Count && string.Equals(e[i], a[i], StringComparison.Ordinal))
            {
                i++;
            }

            if (i < e.Count || i < a.Count)
            {
                Problems.Add(Format, field, Path, $"#{i} of {e.Count}: {(i < e.Count ? e[i] : "(none)")}", $"#{i} of {a.Count}: {(i < a.Count ? a[i] : "(none)")}");
            }
        }
    }

    private sealed class Problems
    {
        private readonly Dictionary<(MeetbotFormat, string), (int Count, string Example)> byField = [];

        public bool IsEmpty => byField.Count == 0;

        public void Add(MeetbotFormat format, string field, string path, string? expected, string? actual)
        {
            var key = (format, field);
            byField[key] = byField.TryGetValue(key, out var seen)
                ? (seen.Count + 1, seen.Example)
                : (1, $"{path}\n      expected: {expected}\n      actual:   {actual}");
        }

        public string Report()
        {
            var sb = new StringBuilder("files that did not read back as written, by file kind and field:\n");
            foreach (var ((format, field), (count, example)) in byField.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2, StringComparer.Ordinal))
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {format} {field}: {count} files, e.g. {example}\n");
            }

            return sb.ToString();
        }
    }
}
