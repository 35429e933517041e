using System.Globalization;
using System.Net;
using MeetingTracker.Core.Search;
using Microsoft.Data.Sqlite;

namespace MeetingTracker.Bench.Search;

/// <summary>
/// Baseline A's search, doing what <see cref="SearchService"/> does with SQL: one pass over every match counting hits,
/// meetings, teams, years and people (as the facet collector does), the best 2,000 matches in the order asked, grouped
/// by meeting for the first page of 10 meetings, and highlighted snippets for their first 3 hits each. Statements are
/// prepared once per query (the baseline at its best); the MATCH string and conditions come from the mix file.
/// </summary>
public sealed class Fts5Search(SqliteConnection connection) : IDisposable
{
    private const int MaxHits = 2000;
    private const int PageSize = 10;
    private const int HitsPerMeeting = 3;
    private readonly Dictionary<(int, SearchOrder), (SqliteCommand Facets, SqliteCommand Page)> prepared = [];

    public static bool CanTranslate(BenchQuery query) => query.NoFts is null;

    public SearchOutcome Search(BenchQuery query, SearchOrder order)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (facets, page) = Prepare(query, order);
        var meetings = new Dictionary<long, int>();
        var teams = new Dictionary<string, int>(StringComparer.Ordinal);
        var years = new Dictionary<string, int>(StringComparer.Ordinal);
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var hits = 0;
        using (var reader = facets.ExecuteReader())
        {
            while (reader.Read())
            {
                hits++;
                Increment(meetings, reader.GetInt64(0));
                Increment(teams, reader.GetString(1));
                Increment(years, reader.GetString(2));
                Increment(people, reader.GetString(3));
            }
        }

        var shown = new List<long>();
        var groups = new List<long>();
        using (var reader = page.ExecuteReader())
        {
            var perMeeting = new Dictionary<long, int>();
            while (reader.Read())
            {
                var meeting = reader.GetInt64(1);
                if (!perMeeting.TryGetValue(meeting, out var n))
                {
                    if (groups.Count == PageSize) continue;
                    groups.Add(meeting);
                }

                perMeeting[meeting] = n + 1;
                if (n < HitsPerMeeting) shown.Add(reader.GetInt64(0));
            }
        }

        var snippets = Snippets(query, shown);
        return new SearchOutcome(hits, meetings.Count, null, snippets);
    }

    public void Dispose()
    {
        foreach (var (facets, page) in prepared.Values)
        {
            facets.Dispose();
            page.Dispose();
        }
    }

    private (SqliteCommand Facets, SqliteCommand Page) Prepare(BenchQuery query, SearchOrder order)
    {
        if (prepared.TryGetValue((query.Number, order), out var commands)) return commands;
        var from = query.FtsMatch is null ? "entries e" : "fts JOIN entries e ON e.id = fts.rowid";
        var where = string.Join(" AND ", new[] { query.FtsMatch is null ? null : "fts MATCH $match", query.FtsWhere }.Where(c => c is not null));
        var orderBy = order == SearchOrder.Newest ? "e.time DESC" : query.FtsMatch is null ? "e.id" : "bm25(fts)";
        commands = (
            Command($"SELECT e.meeting_id, e.team, substr(e.time, 1, 4), e.nick_base FROM {from} WHERE {where}", query),
            Command($"SELECT e.id, e.meeting_id, e.key, e.line, e.nick, e.time, e.kind FROM {from} WHERE {where} ORDER BY {orderBy} LIMIT {MaxHits}", query));
        prepared[(query.Number, order)] = commands;
        return commands;
    }

    private SqliteCommand Command(string sql, BenchQuery query)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (query.FtsMatch is { } match) command.Parameters.AddWithValue("$match", match);
        command.Prepare();
        return command;
    }

    private int Snippets(BenchQuery query, List<long> ids)
    {
        if (ids.Count == 0) return 0;
        using var command = connection.CreateCommand();
        var list = string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        command.CommandText = query.FtsMatch is null
            ? $"SELECT rowid, text FROM fts WHERE rowid IN ({list})"
            : $"SELECT rowid, highlight(fts, 0, '<mark>', '</mark>') FROM fts WHERE fts MATCH $match AND rowid IN ({list})";
        if (query.FtsMatch is { } match) command.Parameters.AddWithValue("$match", match);
        var made = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var text = reader.GetString(1);
            made += (query.FtsMatch is null ? WebUtility.HtmlEncode(text) : text).Length > 0 ? 1 : 0;
        }

        return made;
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull
        => counts[key] = counts.GetValueOrDefault(key) + 1;
}
