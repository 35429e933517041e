using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace MeetingTracker.Core.Search;

/// <summary>Counts every hit per meeting, team, person and year from doc values (Lucene.Net.Facet is not on the mirror).</summary>
internal sealed class FacetCollector : ICollector
{
    private readonly BytesRef scratch = new();
    private NumericDocValues? meetingPeople;
    private SortedDocValues? teams;
    private NumericDocValues? times;
    private int[] teamOrds = [];

    public Dictionary<int, int> Meetings { get; } = [];

    public Dictionary<string, int> Teams { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, int> People { get; } = [];

    public Dictionary<int, int> Years { get; } = [];

    public int Hits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Finish();
        meetingPeople = context.AtomicReader.GetNumericDocValues(SearchFields.MeetingPerson);
        teams = context.AtomicReader.GetSortedDocValues(SearchFields.Team);
        times = context.AtomicReader.GetNumericDocValues(SearchFields.Time);
        teamOrds = teams is null ? [] : new int[teams.ValueCount];
    }

    /// <summary>Turns the current segment's team counts (by ordinal, cheap per hit) into names. Call after the search.</summary>
    public void Finish()
    {
        for (var ord = 0; ord < teamOrds.Length; ord++)
        {
            if (teamOrds[ord] == 0) continue;
            teams!.LookupOrd(ord, scratch);
            var name = scratch.Utf8ToString();
            Teams[name] = Teams.GetValueOrDefault(name) + teamOrds[ord];
        }

        teamOrds = [];
    }

    public void Collect(int doc)
    {
        Hits++;
        if (meetingPeople is not null)
        {
            var (meeting, person) = SearchDocument.Unpack(meetingPeople.Get(doc));
            Increment(Meetings, meeting);
            if (person is { } p) Increment(People, p);
        }

        if (times is not null) Increment(Years, new DateTime(times.Get(doc), DateTimeKind.Utc).Year);
        if (teams is not null && teams.GetOrd(doc) is var ord and >= 0) teamOrds[ord]++;
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull
        => counts[key] = counts.GetValueOrDefault(key) + 1;
}
