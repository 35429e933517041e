namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// The iteration order of a Python 2.7 dict of unicode keys (64-bit build, hash randomization off, insert-only).
/// OpenStack's <c>#endvote</c> prints <c>self._votes.iteritems()</c>, so the order of the results in its VOTE item
/// is this hash order, not the order options were voted or declared.
/// </summary>
internal sealed class PythonDictOrder
{
    private const int MinSize = 8;
    private const int PerturbShift = 5;

    private Slot[] table = new Slot[MinSize];
    private int used;

    /// <summary>Adds a key (no-op when present).</summary>
    public void Add(string key)
    {
        var hash = Hash(key);
        if (Contains(key, hash))
        {
            return;
        }

        InsertClean(table, key, hash);
        used++;

        // dictobject.c: resize when fill*3 >= (mask+1)*2, to the smallest power of two above 4*used.
        if (used * 3 >= table.Length * 2)
        {
            var size = MinSize;
            while (size <= 4 * used)
            {
                size <<= 1;
            }

            var old = table;
            table = new Slot[size];
            foreach (var slot in old)
            {
                if (slot.Key is not null)
                {
                    InsertClean(table, slot.Key, slot.Hash);
                }
            }
        }
    }

    /// <summary>Keys in the order <c>dict.iteritems()</c> yields them.</summary>
    public IEnumerable<string> Keys() => table.Where(s => s.Key is not null).Select(s => s.Key!);

    /// <summary>Python 2's <c>unicode.__hash__</c> over code points (UCS-4 build).</summary>
    internal static long Hash(string key)
    {
        if (key.Length == 0)
        {
            return 0;
        }

        var codePoints = key.EnumerateRunes().Select(r => (long)r.Value).ToArray();
        unchecked
        {
            var x = codePoints[0] << 7;
            foreach (var c in codePoints)
            {
                x = (1000003 * x) ^ c;
            }

            x ^= codePoints.Length;
            return x == -1 ? -2 : x;
        }
    }

    private bool Contains(string key, long hash) =>
        table.Any(s => s.Key is not null && s.Hash == hash && string.Equals(s.Key, key, StringComparison.Ordinal));

    private static void InsertClean(Slot[] slots, string key, long hash)
    {
        var mask = (ulong)(slots.Length - 1);
        unchecked
        {
            var i = (ulong)hash & mask;
            var perturb = (ulong)hash;
            while (slots[(int)(i & mask)].Key is not null)
            {
                i = (i << 2) + i + perturb + 1;
                perturb >>= PerturbShift;
            }

            slots[(int)(i & mask)] = new Slot(key, hash);
        }
    }

    private readonly record struct Slot(string? Key, long Hash);
}
