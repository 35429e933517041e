using System.Globalization;
using System.Text;
using MeetingTracker.Core.Meetbot;
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

    private static void Compare(Check c, GeneratedMeeting generated, ParsedMeeting actual)
    {
        var expected = generated.Meeting;
        var isLog = c.Format is MeetbotFormat.LogTxt or MeetbotFormat.LogHtml;
        var hasLines = c.Format != MeetbotFormat.MinutesTxt;
        c.Equal("title", expected.Title, actual.Title);
        c.Equal("startedBy", expected.StartedBy, actual.StartedBy);
        c.Equal("startedAt", expected.StartedAt, actual.StartedAt);
        c.Equal("endedAt", expected.EndedAt, actual.EndedAt);
        c.Equal("isComplete", expected.IsComplete, actual.IsComplete);
        c.Sequence("topics", expected.Topics.Select(t => Topic(t, hasLines)), actual.Topics.Select(t => Topic(t, hasLines)));
        c.Sequence("items", expected.Items.Select(i => Item(i, hasLines)), actual.Items.Select(i => Item(i, hasLines)));
        c.Sequence("assignees", expected.Items.Select(Assignees), actual.Items.Select(Assignees));
        if (isLog)
        {
            c.Sequence("lines", expected.Lines.Select(Line), actual.Lines.Select(Line));
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
        else
        {
            c.Sequence("people", expected.People.Select(Person), actual.People.Select(Person));
        }
    }

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Topic(Topic t, bool line) => $"{t.Title} | {t.Nick} | {Time(t.Time)}{(line ? $" | l-{t.Line}" : string.Empty)}";

    private static string Item(MinutesItem i, bool line) =>
        $"{i.Kind} {i.Text} | {i.Nick} | {Time(i.Time)}{(line ? $" | l-{i.Line}" : string.Empty)} | topic {i.TopicIndex}";

    private static string Assignees(MinutesItem i) => $"{i.Kind} {i.Text} -> [{string.Join(", ", i.Assignees)}]";

    private static string Line(LogLine l) => $"{l.Number} {Time(l.Time)} {(l.IsEmote ? "*" : "<")}{l.Nick}{(l.IsEmote ? string.Empty : ">")} {l.Text}";

    private static string Person(Attendee a) => $"{a.Nick} ({a.Lines})";

    private sealed record Check(Problems Problems, MeetbotFormat Format, string Path)
    {
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
