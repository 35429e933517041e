using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace MeetingTracker.Core.Search;

/// <summary>
/// A segment's doc values that a search reads for every hit (meeting, person, time, year, team), held as plain arrays.
/// Lucene.Net reads a numeric doc value through the directory on each <c>Get</c> (about 50 ns measured here, so
/// 45 ms per value over the 894,000 hits of <c>-mirror</c>); an array read is about a nanosecond. Loaded once per
/// segment core when a searcher opens (<see cref="WarmingSearcherFactory"/>) and dropped with the segment: deletions
/// do not change a core's document numbers, and deleted documents never reach a collector.
/// </summary>
internal sealed class SegmentColumns
{
    public const int None = -1;

    private static readonly ConditionalWeakTable<object, SegmentColumns> Loaded = [];

    private SegmentColumns(int size)
    {
        Meeting = new int[size];
        Person = new int[size];
        Time = new long[size];
        Year = new short[size];
        Team = new int[size];
    }

    /// <summary>Meeting id per document, <see cref="None"/> when it has none.</summary>
    public int[] Meeting { get; }

    /// <summary>Person id per document, <see cref="None"/> when the nick is nobody's (a bot, or unknown).</summary>
    public int[] Person { get; }

    /// <summary>UTC ticks per document.</summary>
    public long[] Time { get; }

    public short[] Year { get; }

    /// <summary>Index into <see cref="TeamNames"/> per document, <see cref="None"/> when it has no team.</summary>
    public int[] Team { get; }

    public IReadOnlyList<string> TeamNames { get; private set; } = [];

    public int MaxMeeting { get; private set; } = None;

    public int MaxPerson { get; private set; } = None;

    public int MinYear { get; private set; } = int.MaxValue;

    public int MaxYear { get; private set; } = int.MinValue;

    /// <summary>The columns of <paramref name="reader"/>'s core, loaded on first use.</summary>
    public static SegmentColumns Of(AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Loaded.GetValue(reader.CoreCacheKey, _ => Load(reader));
    }

    /// <summary>The columns of every segment of <paramref name="reader"/>, by leaf ordinal.</summary>
    public static SegmentColumns[] Of(IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return [.. reader.Leaves.Select(leaf => Of(leaf.AtomicReader))];
    }

    private static SegmentColumns Load(AtomicReader reader)
    {
        var size = reader.MaxDoc;
        var columns = new SegmentColumns(size);
        var meetingPeople = reader.GetNumericDocValues(SearchFields.MeetingPerson);
        var times = reader.GetNumericDocValues(SearchFields.Time);
        var teams = reader.GetSortedDocValues(SearchFields.Team);
        for (var doc = 0; doc < size; doc++)
        {
            var (meeting, person) = meetingPeople is null ? (None, null) : SearchDocument.Unpack(meetingPeople.Get(doc));
            columns.Meeting[doc] = meeting;
            columns.Person[doc] = person ?? None;
            columns.Team[doc] = teams?.GetOrd(doc) ?? None;
            var ticks = times?.Get(doc) ?? 0;
            columns.Time[doc] = ticks;
            columns.Year[doc] = (short)new DateTime(ticks, DateTimeKind.Utc).Year;
        }

        if (size > 0)
        {
            columns.MaxMeeting = columns.Meeting.Max();
            columns.MaxPerson = columns.Person.Max();
            columns.MinYear = columns.Year.Min();
            columns.MaxYear = columns.Year.Max();
        }

        var names = new string[teams?.ValueCount ?? 0];
        var scratch = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            teams!.LookupOrd(ord, scratch);
            names[ord] = scratch.Utf8ToString();
        }

        columns.TeamNames = names;
        return columns;
    }
}

/// <summary>Loads the columns of a new searcher's segments before it serves (Lucene's searcher warming).</summary>
internal sealed class WarmingSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        _ = SegmentColumns.Of(reader);
        return base.NewSearcher(reader);
    }
}
