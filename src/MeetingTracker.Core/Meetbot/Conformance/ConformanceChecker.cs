using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Conformance;

/// <summary>One check that failed: which meeting, which file kind, what differs.</summary>
public sealed record Disagreement(string Meeting, string Kind, string Check, string Detail)
{
    public override string ToString() => $"{Meeting} [{Kind}] {Check}: {Detail}";
}

/// <summary>The outcome of checking a folder of meetbot output against its own HTML minutes.</summary>
public sealed record ConformanceReport(int Meetings, int Checks, int Agreed, int FilesFailed, IReadOnlyList<Disagreement> Disagreements);

/// <summary>
/// Reads every meeting under a folder that has classic HTML minutes and a log, parses each of its files and
/// compares topics, action texts, people with line counts, start and end with what the minutes show; the two logs
/// must agree on their line count.
/// </summary>
public static class ConformanceChecker
{
    private static readonly (string Ext, MeetbotFormat Format)[] Kinds =
    [
        (".log.txt", MeetbotFormat.LogTxt), (".log.html", MeetbotFormat.LogHtml), (".txt", MeetbotFormat.MinutesTxt), (".html", MeetbotFormat.MinutesHtml),
    ];

    public static ConformanceReport Check(string root, CancellationToken cancellationToken)
    {
        var groups = GroupMeetings(root);
        var disagreements = new List<Disagreement>();
        int checks = 0, agreed = 0, failed = 0;
        foreach (var (basePath, files) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var meeting = Path.GetRelativePath(root, basePath);
            var expected = MinutesExpectation.FromHtml(File.ReadAllText(files[MeetbotFormat.MinutesHtml]));
            var parsed = new Dictionary<MeetbotFormat, ParsedMeeting>();
            foreach (var (format, path) in files.OrderBy(f => f.Key))
            {
                var kind = ContractNames.Of(format);
                var result = MeetbotReader.ReadFile(path);
                void Expect(bool ok, string check, string detail)
                {
                    checks++;
                    if (ok) agreed++;
                    else disagreements.Add(new Disagreement(meeting, kind, check, detail));
                }

                if (result.Meeting is not { } m)
                {
                    failed++;
                    Expect(false, "parse", result.Error ?? "failed");
                    continue;
                }

                parsed[format] = m;
                var topics = m.Topics.Select(t => MinutesExpectation.Normalize(t.Title)).ToList();
                Expect(topics.SequenceEqual(expected.Topics), "topics", Diff(topics, expected.Topics));
                var actions = m.Items.Where(i => i.Kind == ItemKind.Action).Select(i => MinutesExpectation.Normalize(i.Text)).ToList();
                Expect(actions.SequenceEqual(expected.Actions), "actions", Diff(actions, expected.Actions));
                if (expected.People is { } people)
                {
                    var got = m.People.Select(p => $"{MinutesExpectation.Normalize(p.Nick)} ({p.Lines})").Order(StringComparer.Ordinal).ToList();
                    var want = people.Select(p => $"{p.Nick} ({p.Lines})").Order(StringComparer.Ordinal).ToList();
                    Expect(got.SequenceEqual(want), "people", Diff(got, want));
                }

                if (expected.Started is { } started)
                    Expect(TimeOfDay(m.StartedAt, started) == started, "startedAt", $"got {TimeOfDay(m.StartedAt, started) ?? "null"}, minutes show {started}");

                if (expected.Ended is { } ended)
                    Expect(TimeOfDay(m.EndedAt, ended) == ended, "endedAt", $"got {TimeOfDay(m.EndedAt, ended) ?? "null"}, minutes show {ended}");
            }

            if (files.ContainsKey(MeetbotFormat.LogTxt) && files.ContainsKey(MeetbotFormat.LogHtml))
            {
                checks++;
                var a = parsed.GetValueOrDefault(MeetbotFormat.LogTxt)?.LineCount;
                var b = parsed.GetValueOrDefault(MeetbotFormat.LogHtml)?.LineCount;
                if (a is not null && a == b) agreed++;
                else disagreements.Add(new Disagreement(meeting, "logs", "lineCount", $"log-txt {a?.ToString(CultureInfo.InvariantCulture) ?? "null"} != log-html {b?.ToString(CultureInfo.InvariantCulture) ?? "null"}"));
            }
        }

        return new ConformanceReport(groups.Count, checks, agreed, failed, disagreements);
    }

    /// <summary>Meetings (folder + base name) with classic HTML minutes and at least one log.</summary>
    private static Dictionary<string, Dictionary<MeetbotFormat, string>> GroupMeetings(string root)
    {
        var groups = new Dictionary<string, Dictionary<MeetbotFormat, string>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (path.EndsWith(".moin.txt", StringComparison.Ordinal)) continue;
            foreach (var (ext, format) in Kinds)
            {
                if (path.EndsWith(ext, StringComparison.Ordinal))
                {
                    var key = path[..^ext.Length];
                    if (!groups.TryGetValue(key, out var files)) groups[key] = files = [];
                    files[format] = path;
                    break;
                }
            }
        }

        return groups
            .Where(g => g.Value.TryGetValue(MeetbotFormat.MinutesHtml, out var html)
                && (g.Value.ContainsKey(MeetbotFormat.LogTxt) || g.Value.ContainsKey(MeetbotFormat.LogHtml))
                && MinutesExpectation.IsClassic(File.ReadAllText(html)))
            .ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
    }

    private static string? TimeOfDay(DateTimeOffset? time, string like)
        => time?.UtcDateTime.ToString(like.Length == 5 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Diff(List<string> got, IReadOnlyList<string> want)
    {
        var i = 0;
        while (i < got.Count && i < want.Count && string.Equals(got[i], want[i], StringComparison.Ordinal)) i++;
        return $"got {got.Count}, minutes show {want.Count}; first difference at {i}: got \"{(i < got.Count ? got[i] : "(none)")}\", minutes show \"{(i < want.Count ? want[i] : "(none)")}\"";
    }
}
