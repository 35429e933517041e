using System.Globalization;
using System.Text.RegularExpressions;

namespace MeetingTracker.Core.Meetbot.Conformance;

/// <summary>
/// The vote counting against the bot's own word: after each <c>#endvote</c>, meetingology announces
/// "Votes for:2 Votes against:0 Abstentions:1" (2021 on: "Votes for: 1, Votes against: 3, Abstentions: 2"). Every log
/// (and every moin's embedded log) under the folder is replayed, and each vote's counts must be the ones announced.
/// </summary>
public static partial class VoteConformance
{
    /// <summary>How many lines after the vote item's own line the announcement may come.</summary>
    private const int Window = 4;

    [GeneratedRegex(@"^Votes for: ?(\d+),? Votes against: ?(\d+),? Abstentions: ?(\d+)", RegexOptions.None, 5000)]
    private static partial Regex Announcement();

    public static IReadOnlyList<Disagreement> Check(string root, out int checks, CancellationToken cancellationToken)
    {
        var disagreements = new List<Disagreement>();
        checks = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (MeetingFileName.FormatOfExtension(path) is not (MeetbotFormat.LogTxt or MeetbotFormat.LogHtml or MeetbotFormat.Moin)
                || MeetbotReader.ReadFile(path).Meeting is not { Lines.Count: > 0 } m)
            {
                continue;
            }

            foreach (var item in m.Items.Where(i => i is { Kind: ItemKind.Vote, Line: not null, Vote: not null }))
            {
                var said = m.Lines.Skip(item.Line!.Value).Take(Window).Select(l => Announcement().Match(l.Text)).FirstOrDefault(x => x.Success);
                if (said is null)
                {
                    continue;
                }

                checks++;
                var want = $"{said.Groups[1].Value}/{said.Groups[2].Value}/{said.Groups[3].Value}";
                var vote = item.Vote!;
                var got = string.Create(CultureInfo.InvariantCulture, $"{vote.For}/{vote.Against}/{vote.Abstained}");
                if (!string.Equals(got, want, StringComparison.Ordinal))
                {
                    disagreements.Add(new Disagreement(Path.GetRelativePath(root, path), ContractNames.Of(m.Format), "vote-counts", $"'{vote.Question}': counted {got}, the bot announced {want}"));
                }
            }
        }

        return disagreements;
    }
}
