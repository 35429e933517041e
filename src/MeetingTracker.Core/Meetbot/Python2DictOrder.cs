namespace MeetingTracker.Core.Meetbot;

/// <summary>
/// The iteration order of a CPython 2.7 (64-bit, no hash randomisation) <c>dict</c> with unicode keys inserted in
/// a given order. MeetBot 0.1.4 and its forks ran on Python 2: "People present" is a stable sort of
/// <c>attendees.items()</c> on the line count, so people with equal counts appear in this order, and OpenStack's
/// <c>#endvote</c> prints <c>self._votes.iteritems()</c>, so vote results come in this order too.
/// </summary>
public static class Python2DictOrder
{
    private const int MinSize = 8;
    private const int PerturbShift = 5;

    /// <summary>The keys in the order <c>dict.keys()</c> yields them after inserting <paramref name="insertionOrder"/>.</summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> insertionOrder)
    {
        ArgumentNullException.ThrowIfNull(insertionOrder);
        var table = new Entry?[MinSize];
        int used = 0, fill = 0;
        foreach (var key in insertionOrder)
        {
            var hash = Hash(key);
            var slot = FindSlot(table, key, hash);
            if (table[slot] is not null)
            {
                continue;
            }

            table[slot] = new Entry(key, hash);
            used++;
            fill++;
            if (fill * 3 >= table.Length * 2)
            {
                table = Resize(table, (used > 50000 ? 2 : 4) * used);
                fill = used;
            }
        }

        var keys = new List<string>(used);
        foreach (var e in table)
        {
            if (e is { } entry)
            {
                keys.Add(entry.Key);
            }
        }

        return keys;
    }

    /// <summary>CPython 2.7's <c>unicode_hash</c> on a wide (UCS-4) build, as a signed 64-bit value.</summary>
    public static long Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return 0;
        }

        unchecked
        {
            long length = 0;
            long x = 0;
            var first = true;
            foreach (var rune in key.EnumerateRunes())
            {
                if (first)
                {
                    x = (long)rune.Value << 7;
                    first = false;
                }

                x = (1000003 * x) ^ rune.Value;
                length++;
            }

            x ^= length;
            return x == -1 ? -2 : x;
        }
    }

    private static int FindSlot(Entry?[] table, string key, long hash)
    {
        unchecked
        {
            var mask = (ulong)(table.Length - 1);
            var i = (ulong)hash & mask;
            var perturb = (ulong)hash;
            while (true)
            {
                var e = table[(int)(i & mask)];
                if (e is null || (e.Value.Hash == hash && string.Equals(e.Value.Key, key, StringComparison.Ordinal)))
                {
                    return (int)(i & mask);
                }

                i = (i << 2) + i + perturb + 1;
                perturb >>= PerturbShift;
            }
        }
    }

    private static Entry?[] Resize(Entry?[] old, int minUsed)
    {
        var size = MinSize;
        while (size <= minUsed)
        {
            size <<= 1;
        }

        var table = new Entry?[size];
        foreach (var e in old)
        {
            if (e is { } entry)
            {
                table[FindSlot(table, entry.Key, entry.Hash)] = entry;
            }
        }

        return table;
    }

    private readonly record struct Entry(string Key, long Hash);
}
