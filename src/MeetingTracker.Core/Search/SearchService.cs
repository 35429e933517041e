using System.Globalization;
using System.Net;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Search;

/// <summary>
/// Runs a query: translates it (aliases resolved from the database), collects the best hits grouped by meeting,
/// counts every hit per team, person and year, and makes HTML-encoded snippets with the matches marked.
/// </summary>
public sealed class SearchService(SearchIndex index, IDbContextFactory<TrackerDb> dbFactory)
{
    /// <summary>Hits gathered to build the meeting groups; pages beyond them show no more meetings.</summary>
    private const int MaxHits = 2000;

    private const int HitsPerMeeting = 3;

    /// <summary>Teams and people listed for narrowing.</summary>
    private const int FacetSize = 20;

    public const string Help = "Try words, \"a phrase\", AND / OR / NOT, -word, prefix*, and filters team:, channel:, nick:, kind:action, after:2026-01-31, before:2026-12-31.";

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Query query;
        try
        {
            query = new QueryTranslator(index.Analyzer, nick => PeopleOf(db, nick), name => TeamsOf(db, name)).Translate(request.Query ?? string.Empty);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException)
        {
            return SearchResults.Failed(request, $"Could not understand the query: {FirstLine(e.Message)} {Help}");
        }

        var (top, facets) = index.Use(searcher => Run(searcher, query, request.Order, page, size));
        // The busiest people first; a few spare in case some were merged away since they were indexed.
        var busiest = facets.People.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(FacetSize * 2).ToList();
        var ids = busiest.Select(p => p.Key).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new SearchResults(
            request.Query ?? string.Empty,
            facets.Hits,
            facets.MeetingCount,
            page,
            size,
            top,
            new SearchFacets(
                [.. facets.Teams.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(FacetSize).Select(t => new FacetCount(t.Key, "team:" + t.Key, t.Value))],
                [.. busiest.Where(p => people.ContainsKey(p.Key)).Take(FacetSize).Select(p => new FacetCount(people[p.Key], "nick:" + Quote(people[p.Key]), p.Value))],
                [.. facets.Years.OrderByDescending(y => y.Key).Select(y => new FacetCount(
                    y.Key.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"after:{y.Key}-01-01 before:{y.Key + 1}-01-01"), y.Value))]));
    }

    private (List<MeetingResult> Page, FacetCollector Facets) Run(IndexSearcher searcher, Query query, SearchOrder order, int page, int size)
    {
        // One pass over the hits: the counts and the best hits are collected together, from per-segment arrays.
        var columns = SegmentColumns.Of(searcher.IndexReader);
        var facets = new FacetCollector(columns);
        int[] docs;
        if (order == SearchOrder.Relevance && RanksByWords(query))
        {
            var top = TopScoreDocCollector.Create(MaxHits, docsScoredInOrder: false);
            searcher.Search(query, MultiCollector.Wrap(facets, top));
            docs = [.. top.GetTopDocs().ScoreDocs.Select(d => d.Doc)];
        }
        else
        {
            var newest = new NewestCollector(columns, MaxHits);
            searcher.Search(query, MultiCollector.Wrap(facets, newest));
            docs = newest.TopDocs();
        }

        facets.Finish();
        // Grouped by the meeting column: stored fields (about 25 µs a document) are loaded only for the hits shown.
        var leaves = searcher.IndexReader.Leaves;
        var groups = docs
            .GroupBy(doc =>
            {
                var leaf = ReaderUtil.SubIndex(doc, leaves);
                return columns[leaf].Meeting[doc - leaves[leaf].DocBase];
            })
            .Skip((page - 1) * size)
            .Take(size)
            .Select(g => (Meeting: g.Key, Docs: g.Take(HitsPerMeeting).Select(searcher.Doc).ToList()))
            .ToList();
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(query, SearchFields.Text))
        {
            TextFragmenter = new SimpleFragmenter(200),
        };
        var results = groups.Select(g => new MeetingResult(
            g.Meeting,
            g.Docs[0].Get(SearchFields.MeetingKey, CultureInfo.InvariantCulture),
            g.Docs[0].Get(SearchFields.Team, CultureInfo.InvariantCulture),
            facets.HitsOf(g.Meeting),
            [.. g.Docs.Select(d => Hit(d, highlighter))])).ToList();
        return (results, facets);
    }

    /// <summary>
    /// Whether hits score differently: only words and phrases do. Filters, exclusions and prefixes score every hit
    /// alike, and "most relevant first" would be index order; those hits come newest first instead.
    /// </summary>
    private static bool RanksByWords(Query query) => query switch
    {
        TermQuery term => term.Term.Field == SearchFields.Text,
        PhraseQuery or MultiPhraseQuery => true,
        BooleanQuery boolean => boolean.Clauses.Any(c => c.Occur != Occur.MUST_NOT && RanksByWords(c.Query)),
        _ => false,
    };

    private SearchHit Hit(Lucene.Net.Documents.Document doc, Highlighter highlighter)
    {
        var text = doc.Get(SearchFields.Text, CultureInfo.InvariantCulture);
        var snippet = highlighter.GetBestFragment(index.Analyzer, SearchFields.Text, text)
            ?? WebUtility.HtmlEncode(text.Length > 200 ? text[..200] + "…" : text);
        var line = doc.GetField(SearchFields.Line)?.GetInt32Value() is { } n and not SearchDocument.NoLine ? n : (int?)null;
        return new SearchHit(
            int.Parse(doc.Get(SearchFields.Meeting, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            doc.Get(SearchFields.MeetingKey, CultureInfo.InvariantCulture),
            line,
            doc.Get(SearchFields.Nick + "_raw", CultureInfo.InvariantCulture),
            new DateTimeOffset(long.Parse(doc.Get(SearchFields.Time, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), TimeSpan.Zero),
            doc.Get(SearchFields.Kind, CultureInfo.InvariantCulture),
            snippet)
        {
            Topic = doc.Get(SearchFields.Topic, CultureInfo.InvariantCulture) is { Length: > 0 } topic ? topic : null,
        };
    }

    // nick: matches every alias of the people who use that nick (or its base nick), as the people pages will.
    private static List<int> PeopleOf(TrackerDb db, string nick)
    {
        var candidates = new[] { nick.ToLowerInvariant(), Meetbot.NickVariants.BaseNick(nick).ToLowerInvariant() };
#pragma warning disable CA1862, CA1304, CA1311 // EF turns ToLower into SQL lower(); nicks compare case-insensitively.
        return [.. db.PersonAliases.AsNoTracking().Where(a => candidates.Contains(a.Nick.ToLower())).Select(a => a.PersonId).Distinct()];
#pragma warning restore CA1862, CA1304, CA1311
    }

    private static List<string> TeamsOf(TrackerDb db, string name)
    {
        var key = TeamNames.Normalize(name);
        var target = db.TeamAliases.AsNoTracking().Where(a => a.Name == key).Select(a => a.Team!.Key).FirstOrDefault();
        return target is null || target == key ? [key] : [key, target];
    }

    private static string Quote(string value) => value.Any(c => char.IsWhiteSpace(c) || c is ':' or '"') ? $"\"{value.Replace("\"", string.Empty, StringComparison.Ordinal)}\"" : value;

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).TrimEnd('.') + ".";
    }
}
