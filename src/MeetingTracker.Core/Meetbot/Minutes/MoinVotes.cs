using System.Globalization;

namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>One vote as a moin file's vote section states it (any field it leaves out is null).</summary>
internal sealed record MoinVote(string Question, int? Line, string? Statement, int? For, int? Against, int? Abstained, IReadOnlyList<string> Voters);

/// <summary>
/// Reads the vote scaffolding of meetingology's <c>.moin.txt</c>, wherever it stands; it is vote metadata, never an item.
/// <list type="bullet">
/// <item>2011-2013 <c>== Votes ==</c>: <c> * question</c> then <c>   For: 2 Against: 0 Abstained: 0</c>.</item>
/// <item>2013-2020 <c>== Vote results ==</c>: <c> * [[LOG_URL#56 question]]</c>, <c>  * Motion carried (For/Against/Abstained 3/0/0)</c>
/// (or <c>Motion denied</c>, <c>Deadlock</c>), <c>   *  Voters a, b</c>.</item>
/// <item>2021 on: <c> * [[LOG_URL#56|question]]</c>, <c>  * Motion denied (For: 1, Against: 3, Abstained: 2)</c>, <c>   * Voters: a, b, a</c>
/// (every vote cast; the record keeps each voter once).</item>
/// </list>
/// A statement that comes before any question (the 2013-2020 writer could spell its statements out before the
/// section's heading, see <see cref="MoinLayout"/>) is kept apart in <see cref="Orphans"/>.
/// </summary>
internal sealed class MoinVotes
{
    private static readonly string[] Statements = ["Motion carried", "Motion denied", "Deadlock"];

    private readonly List<Builder> votes = [];

    public List<(string Statement, int? For, int? Against, int? Abstained)> Orphans { get; } = [];

    public IReadOnlyList<MoinVote> Votes => [.. votes.Select(v => new MoinVote(v.Question, v.Line, v.Statement, v.For, v.Against, v.Abstained, v.Voters))];

    /// <summary>Reads one line's content (bullets and indentation removed); false when it is no vote scaffolding.</summary>
    /// <param name="bareQuestion">Whether any other text starts a vote (only inside the early "Votes" section).</param>
    /// <param name="strict">
    /// Outside a vote section (a summary line): only what cannot be a minutes item counts, i.e. a link to a log line,
    /// a statement with its counts, and voters right after a vote.
    /// </param>
    public bool TryAdd(string content, bool bareQuestion, bool strict = false)
    {
        if (TryLink(content, out var line, out var question) && (!strict || line is not null))
        {
            votes.Add(new Builder(question) { Line = line });
            return true;
        }

        if ((TryStatement(content, out var statement, out var counts) || TryEarlyCounts(content, out counts)) && (!strict || counts.For is not null))
        {
            if (votes.Count == 0 || (statement is not null && votes[^1].Statement is not null))
            {
                Orphans.Add((statement ?? string.Empty, counts.For, counts.Against, counts.Abstained));
                return true;
            }

            var vote = votes[^1];
            vote.Statement ??= statement;
            (vote.For, vote.Against, vote.Abstained) = counts;
            return true;
        }

        if (TryVoters(content, out var voters) && (!strict || votes.Count > 0))
        {
            if (votes.Count > 0)
            {
                votes[^1].Voters.AddRange(voters.Where(v => !votes[^1].Voters.Contains(v, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
            }

            return true;
        }

        if (bareQuestion && content.Length > 0 && content != "(none)")
        {
            votes.Add(new Builder(content));
            return true;
        }

        return false;
    }

    /// <summary>
    /// A statement spelled out before the section (see <see cref="Orphans"/>) belongs to a vote without one: the writer
    /// prepended each, so they stand in the reverse order of the votes.
    /// </summary>
    public void AdoptOrphans()
    {
        var waiting = votes.Where(v => v.Statement is null).ToList();
        waiting.Reverse();
        for (var i = 0; i < waiting.Count && Orphans.Count > 0; i++)
        {
            var (statement, inFavour, against, abstained) = Orphans[0];
            Orphans.RemoveAt(0);
            waiting[i].Statement = statement.Length == 0 ? null : statement;
            (waiting[i].For, waiting[i].Against, waiting[i].Abstained) = (waiting[i].For ?? inFavour, waiting[i].Against ?? against, waiting[i].Abstained ?? abstained);
        }
    }

    /// <summary><c>motion carried</c>, <c>motion denied</c>, <c>deadlock</c>: the outcome a statement says.</summary>
    public static string OutcomeOf(string statement) =>
        statement.StartsWith("Motion carried", StringComparison.OrdinalIgnoreCase) ? VoteOutcomes.Carried
        : statement.StartsWith("Motion denied", StringComparison.OrdinalIgnoreCase) ? VoteOutcomes.Denied
        : VoteOutcomes.Deadlock;

    // "[[URL#56 question]]", "[[URL#l-56|question]]".
    private static bool TryLink(string content, out int? line, out string question)
    {
        (line, question) = (null, string.Empty);
        if (!content.StartsWith("[[", StringComparison.Ordinal) || !content.EndsWith("]]", StringComparison.Ordinal) || content.Length < 5)
        {
            return false;
        }

        // The URL ends at the first space (2013-2020) or bar (2021 on); the question may hold either.
        var inner = content[2..^2];
        var split = inner.AsSpan().IndexOfAny(' ', '|');
        var url = split > 0 ? inner[..split] : inner;
        question = split > 0 ? inner[(split + 1)..].Trim() : string.Empty;
        var hash = url.LastIndexOf('#');
        var anchor = hash < 0 ? string.Empty : url[(hash + 1)..];
        anchor = anchor.StartsWith("l-", StringComparison.Ordinal) ? anchor[2..] : anchor;
        line = int.TryParse(anchor, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        return hash >= 0 || question.Length > 0;
    }

    // "Motion carried (For/Against/Abstained 3/0/0)", "Motion denied (For: 1, Against: 3, Abstained: 2)", "Deadlock (...)".
    private static bool TryStatement(string content, out string? statement, out (int? For, int? Against, int? Abstained) counts)
    {
        (statement, counts) = (null, default);
        var word = Array.Find(Statements, s => content.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        if (word is null || (content.Length > word.Length && content[word.Length] != ' '))
        {
            return false;
        }

        statement = content[..word.Length];
        var rest = content[word.Length..].Trim();
        if (rest.Length > 1 && rest[0] == '(' && rest[^1] == ')')
        {
            counts = Counts(rest[1..^1]);
        }

        return true;
    }

    // The early layout's "For: 2 Against: 0 Abstained: 0".
    private static bool TryEarlyCounts(string content, out (int? For, int? Against, int? Abstained) counts)
    {
        counts = default;
        if (!content.StartsWith("For:", StringComparison.Ordinal))
        {
            return false;
        }

        counts = Counts(content);
        return counts.For is not null;
    }

    private static (int? For, int? Against, int? Abstained) Counts(string text)
    {
        const string Slashed = "For/Against/Abstained ";
        if (text.StartsWith(Slashed, StringComparison.Ordinal))
        {
            var n = text[Slashed.Length..].Split('/');
            return n.Length == 3 ? (Int(n[0]), Int(n[1]), Int(n[2])) : default;
        }

        // "For: 1, Against: 3, Abstained: 2" or "For: 2 Against: 0 Abstained: 0".
        var words = text.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int? Find(string label) => Array.IndexOf(words, label) is var i and >= 0 && i + 1 < words.Length ? Int(words[i + 1]) : null;
        return (Find("For:"), Find("Against:"), Find("Abstained:"));
    }

    private static int? Int(string s) => int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    // "Voters a, b, c" (2013-2020, after " *  ") or "Voters: a, b" (2021 on).
    private static bool TryVoters(string content, out string[] voters)
    {
        voters = [];
        if (!content.StartsWith("Voters", StringComparison.Ordinal) || content.Length < 7 || content[6] is not (' ' or ':'))
        {
            return false;
        }

        voters = content[6..].TrimStart(':').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return true;
    }

    private sealed class Builder(string question)
    {
        public string Question { get; } = question;

        public int? Line { get; init; }

        public string? Statement { get; set; }

        public int? For { get; set; }

        public int? Against { get; set; }

        public int? Abstained { get; set; }

        public List<string> Voters { get; } = [];
    }
}
