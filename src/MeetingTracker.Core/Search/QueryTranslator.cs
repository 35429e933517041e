using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace MeetingTracker.Core.Search;

/// <summary>
/// The query language: Lucene's classic syntax (words, "phrases", AND/OR/NOT, -word, prefix*) with words required by
/// default, plus filters <c>team:</c>, <c>channel:</c>, <c>nick:</c> (any alias of the person), <c>kind:</c>, <c>topic:</c>
/// (words of the title of the topic it was said under),
/// <c>after:YYYY-MM-DD</c> and <c>before:YYYY-MM-DD</c>. Any other <c>word:</c> is searched as text (URLs).
/// </summary>
internal sealed class QueryTranslator : QueryParser
{
    private readonly Func<string, IReadOnlyList<int>> peopleOfNick;
    private readonly Func<string, IReadOnlyList<string>> teamsOfName;

    public QueryTranslator(Lucene.Net.Analysis.Analyzer analyzer, Func<string, IReadOnlyList<int>> peopleOfNick, Func<string, IReadOnlyList<string>> teamsOfName)
        : base(SearchAnalyzers.Version, SearchFields.Text, analyzer)
    {
        this.peopleOfNick = peopleOfNick;
        this.teamsOfName = teamsOfName;
        DefaultOperator = AND_OPERATOR;
        AllowLeadingWildcard = false;
    }

    /// <summary>Parses <paramref name="text"/>; an empty query or one of filters and exclusions only matches everything they allow.</summary>
    public Query Translate(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new MatchAllDocsQuery();
        var query = Parse(text);
        if (query is BooleanQuery boolean && boolean.Clauses.Count > 0 && boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT))
        {
            boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return query;
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted) => field switch
    {
        SearchFields.Text or SearchFields.Topic => base.GetFieldQuery(field, queryText, quoted),
        SearchFields.Team => AnyOf(SearchFields.Team, teamsOfName(queryText)),
        SearchFields.Channel => new TermQuery(new Term(SearchFields.Channel, queryText.TrimStart('#').ToLowerInvariant())),
        SearchFields.Kind => new TermQuery(new Term(SearchFields.Kind, queryText.ToLowerInvariant())),
        SearchFields.Nick => Nick(queryText),
        "after" => TermRangeQuery.NewStringRange(SearchFields.Day, Day(field, queryText), null, true, true),
        "before" => TermRangeQuery.NewStringRange(SearchFields.Day, null, Day(field, queryText), true, false),
        _ => base.GetFieldQuery(SearchFields.Text, field + ":" + queryText, quoted: true),
    };

    protected override Query GetPrefixQuery(string field, string termStr) => field switch
    {
        SearchFields.Text or SearchFields.Topic => new PrefixQuery(new Term(field, SearchAnalyzers.Fold(termStr))),
        SearchFields.Team or SearchFields.Channel or SearchFields.Kind or SearchFields.Nick => new PrefixQuery(new Term(field, termStr.TrimStart('#').ToLowerInvariant())),
        _ => throw new ParseException($"'{field}:' does not take a prefix"),
    };

    private BooleanQuery Nick(string nick)
    {
        var any = new BooleanQuery { { new TermQuery(new Term(SearchFields.Nick, nick.ToLowerInvariant())), Occur.SHOULD } };
        foreach (var person in peopleOfNick(nick))
        {
            any.Add(new TermQuery(new Term(SearchFields.Person, person.ToString(CultureInfo.InvariantCulture))), Occur.SHOULD);
        }

        return any;
    }

    private static BooleanQuery AnyOf(string field, IReadOnlyList<string> values)
    {
        var any = new BooleanQuery();
        foreach (var v in values) any.Add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        return any;
    }

    // A day term (yyyyMMdd, as indexed): ranges over one term per document and a few hundred terms a year.
    private static string Day(string field, string text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            : throw new ParseException($"{field}: wants a day like 2026-01-31, not '{text}'");
}
