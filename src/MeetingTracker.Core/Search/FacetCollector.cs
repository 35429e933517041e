using Lucene.Net.Index;
using Lucene.Net.Search;

namespace MeetingTracker.Core.Search;

/// <summary>
/// Counts every hit per meeting, team, person and year from the segments' <see cref="SegmentColumns"/> (Lucene.Net.Facet
/// is not on the mirror): array increments only, names are looked up once per segment in <see cref="Finish"/>.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly SegmentColumns[] columns;
    private readonly int[] meetings;
    private readonly int[] people;
    private readonly int[] years;
    private readonly int minYear;
    private SegmentColumns? current;
    private int[] teamCounts = [];

    public FacetCollector(SegmentColumns[] columns)
    {
        this.columns = columns;
        meetings = new int[columns.Select(c => c.MaxMeeting).DefaultIfEmpty(-1).Max() + 1];
        people = new int[columns.Select(c => c.MaxPerson).DefaultIfEmpty(-1).Max() + 1];
        var withDocs = columns.Where(c => c.MinYear <= c.MaxYear).ToList();
        minYear = withDocs.Count == 0 ? 0 : withDocs.Min(c => c.MinYear);
        years = new int[withDocs.Count == 0 ? 0 : withDocs.Max(c => c.MaxYear) - minYear + 1];
    }

    public int Hits { get; private set; }

    /// <summary>Meetings with at least one hit.</summary>
    public int MeetingCount { get; private set; }

    public Dictionary<string, int> Teams { get; } = new(StringComparer.Ordinal);

    /// <summary>Person id and hits, for every person with hits.</summary>
    public IEnumerable<KeyValuePair<int, int>> People => Counted(people, 0);

    /// <summary>Year and hits, for every year with hits.</summary>
    public IEnumerable<KeyValuePair<int, int>> Years => Counted(years, minYear);

    public bool AcceptsDocsOutOfOrder => true;

    public int HitsOf(int meetingId) => meetingId >= 0 && meetingId < meetings.Length ? meetings[meetingId] : 0;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FlushTeams();
        current = columns[context.Ord];
        teamCounts = new int[current.TeamNames.Count];
    }

    public void Collect(int doc)
    {
        var c = current!;
        Hits++;
        if (c.Meeting[doc] is var meeting and >= 0 && meetings[meeting]++ == 0) MeetingCount++;
        if (c.Person[doc] is var person and >= 0) people[person]++;
        if (c.Team[doc] is var team and >= 0) teamCounts[team]++;
        if (years.Length > 0) years[c.Year[doc] - minYear]++;
    }

    /// <summary>Adds the last segment's team counts. Call after the search.</summary>
    public void Finish() => FlushTeams();

    private void FlushTeams()
    {
        for (var ord = 0; ord < teamCounts.Length; ord++)
        {
            if (teamCounts[ord] == 0) continue;
            var name = current!.TeamNames[ord];
            Teams[name] = Teams.GetValueOrDefault(name) + teamCounts[ord];
        }

        teamCounts = [];
    }

    private static IEnumerable<KeyValuePair<int, int>> Counted(int[] counts, int offset)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0) yield return new(i + offset, counts[i]);
        }
    }
}
