using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Conformance;

/// <summary>
/// meetingology's <c>.moin.txt</c> against the logs: every moin's summary must be found in the replay of the full log
/// it embeds, and a moin beside its meeting's <c>.log.txt</c> or <c>.log.html</c> must give the same topics, items
/// (with their votes) and people as that log.
/// </summary>
public static class MoinConformance
{
    private static readonly string[] LogExtensions = [".log.txt", ".log.html"];

    /// <summary>The disagreements; <paramref name="checks"/> counts the checks made, <paramref name="files"/> the moin files read.</summary>
    public static IReadOnlyList<Disagreement> Check(string root, out int checks, out int files, CancellationToken cancellationToken)
    {
        var disagreements = new List<Disagreement>();
        (checks, files) = (0, 0);
        foreach (var path in Directory.EnumerateFiles(root, "*.moin.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            files++;
            var basePath = path[..^".moin.txt".Length];
            var meeting = Path.GetRelativePath(root, basePath);
            var n = 0;
            void Expect(bool ok, string kind, string check, string detail)
            {
                n++;
                if (!ok) disagreements.Add(new Disagreement(meeting, kind, check, detail));
            }

            var moin = MeetbotReader.ReadFile(path);
            if (moin.Meeting is not { } m)
            {
                Expect(false, "moin", "parse", moin.Error ?? "failed");
                checks += n;
                continue;
            }

            var strays = m.Warnings.Where(w => w.Contains("not in the replay of the full log", StringComparison.Ordinal)).ToList();
            Expect(strays.Count == 0, "moin", "summary-in-own-log", string.Join("; ", strays));
            foreach (var ext in LogExtensions.Where(e => File.Exists(basePath + e)))
            {
                var kind = "moin-vs-" + ContractNames.Of(ext == ".log.txt" ? MeetbotFormat.LogTxt : MeetbotFormat.LogHtml);
                if (MeetbotReader.ReadFile(basePath + ext).Meeting is not { } log)
                {
                    Expect(false, kind, "parse", "the log does not parse");
                    continue;
                }

                Compare("topics", m.Topics.Select(t => MinutesExpectation.Normalize(t.Title)), log.Topics.Select(t => MinutesExpectation.Normalize(t.Title)), kind, Expect);
                Compare("items", m.Items.Select(Item), log.Items.Select(Item), kind, Expect);
                Compare("people", m.People.Select(p => $"{p.Nick} ({p.Lines})").Order(StringComparer.Ordinal), log.People.Select(p => $"{p.Nick} ({p.Lines})").Order(StringComparer.Ordinal), kind, Expect);
            }

            checks += n;
        }

        return disagreements;
    }

    private static string Item(MinutesItem i)
    {
        var text = $"{i.Kind.ToString().ToLowerInvariant()}: {MinutesExpectation.Normalize(i.Text)}";
        return i.Vote is not { } v ? text : string.Create(CultureInfo.InvariantCulture, $"{text} [{v.Outcome} {v.For}/{v.Against}/{v.Abstained}]");
    }

    private static void Compare(string check, IEnumerable<string> moin, IEnumerable<string> log, string kind, Action<bool, string, string, string> expect)
    {
        var a = moin.ToList();
        var b = log.ToList();
        var i = 0;
        while (i < a.Count && i < b.Count && string.Equals(a[i], b[i], StringComparison.Ordinal)) i++;
        expect(a.SequenceEqual(b, StringComparer.Ordinal), kind, check, $"moin {a.Count}, log {b.Count}; first difference at {i}: moin \"{(i < a.Count ? a[i] : "(none)")}\", log \"{(i < b.Count ? b[i] : "(none)")}\"");
    }
}
