using Lucene.Net.Index;
using Lucene.Net.Search;

namespace MeetingTracker.Core.Search;

/// <summary>
/// The <c>capacity</c> newest hits (ties: lower document first, as Lucene's sort does), from the time column. Hits
/// newer than the oldest kept go to a buffer twice the capacity; a full buffer is cut back to the newest half by
/// quickselect, which raises the bar. The index is mostly in time order, so nearly every hit is newer than those before
/// it: a heap would sift on each of them, this costs a few comparisons a hit. Lucene's <see cref="TopFieldCollector"/>
/// reads the time doc value through the directory for each hit and was the slowest part of a newest-first search
/// (215 ms of 350 over 894,000 hits).
/// </summary>
internal sealed class NewestCollector : ICollector
{
    private readonly SegmentColumns[] columns;
    private readonly int capacity;
    private readonly Hit[] buffer;
    private long[] times = [];
    private int docBase;
    private int count;
    private Hit? bar;

    public NewestCollector(SegmentColumns[] columns, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.columns = columns;
        this.capacity = capacity;
        buffer = new Hit[capacity * 2];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        times = columns[context.Ord].Time;
        docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        var hit = new Hit(times[doc], docBase + doc);
        if (bar is { } b && !hit.NewerThan(b)) return;
        buffer[count++] = hit;
        if (count == buffer.Length) CutBack();
    }

    /// <summary>The hits kept, newest first (global document numbers).</summary>
    public int[] TopDocs()
    {
        if (count > capacity) CutBack();
        var kept = buffer.AsSpan(0, count);
        kept.Sort(static (a, b) => a.Doc == b.Doc ? 0 : a.NewerThan(b) ? -1 : 1);
        var docs = new int[kept.Length];
        for (var i = 0; i < kept.Length; i++) docs[i] = kept[i].Doc;
        return docs;
    }

    // Moves the newest `capacity` hits to the front (Hoare's selection, as in Wirth's Algorithms + Data Structures), keeps them, and makes the oldest of them the bar.
    private void CutBack()
    {
        int left = 0, right = count - 1, k = capacity - 1;
        while (left < right)
        {
            var pivot = buffer[left + ((right - left) / 2)];
            int i = left, j = right;
            while (i <= j)
            {
                while (buffer[i].NewerThan(pivot)) i++;
                while (pivot.NewerThan(buffer[j])) j--;
                if (i > j) break;
                (buffer[i], buffer[j]) = (buffer[j], buffer[i]);
                i++;
                j--;
            }

            if (k <= j) right = j;
            else if (k >= i) left = i;
            else break;
        }

        count = capacity;
        var oldest = buffer[0];
        for (var i = 1; i < count; i++)
        {
            if (oldest.NewerThan(buffer[i])) oldest = buffer[i];
        }

        bar = oldest;
    }

    private readonly record struct Hit(long Time, int Doc)
    {
        public bool NewerThan(Hit other) => Time > other.Time || (Time == other.Time && Doc < other.Doc);
    }
}
