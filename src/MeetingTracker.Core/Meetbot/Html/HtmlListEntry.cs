using MeetingTracker.Core.Meetbot.Minutes;

namespace MeetingTracker.Core.Meetbot.Html;

/// <summary>What a minutes <c>&lt;li&gt;</c> holds, its text sorted by the MeetBot markup it sat in.</summary>
internal enum EntryRole
{
    Other,
    Topic,
    ItemType,
    Typed,
    Details,
}

/// <summary>
/// One <c>&lt;li&gt;</c> of a minutes page (its own text, not that of nested lists). MeetBot's item markup sorts the
/// text: <c>&lt;b class="TOPIC"&gt;</c>, <c>&lt;i class="itemtype"&gt;</c>, <c>&lt;span class="ACTION"&gt;</c>
/// (any uppercase class), <c>&lt;span class="details"&gt;</c>, and the rest (links, Matrix's plain items). The text
/// itself lives in the page's <see cref="EntryText"/>, so an entry costs one small object.
/// </summary>
internal sealed class HtmlListEntry(EntryText text, int index, string section, int? parent)
{
    /// <summary>The <c>&lt;h3&gt;</c> heading the entry is under, lowercased and collapsed ("" before any).</summary>
    public string Section { get; } = section;

    /// <summary>Index (in the document's entry list) of the enclosing <c>&lt;li&gt;</c>, if nested.</summary>
    public int? Parent { get; } = parent;

    public int Index { get; } = index;

    public bool HasTopicMarkup { get; set; }

    /// <summary>The class of the first uppercase-classed span (<c>INFO</c>, <c>ACTION</c>, …).</summary>
    public string? TypedClass { get; set; }

    /// <summary>The first link outside the details (a LINK item's URL).</summary>
    public string? Url { get; set; }

    /// <summary>The N of the details link <c>….log.html#l-N</c>.</summary>
    public int? DetailsLine { get; set; }

    /// <summary>The entry's text under one role, collapsed.</summary>
    public string Text(EntryRole role) => text.Collapsed(Index, role);

    public bool IsEmpty(EntryRole role) => !text.Has(Index, role);

    /// <summary>All the entry's own text, collapsed.</summary>
    public string AllText => text.Collapsed(Index, null);
}

/// <summary>
/// The decoded text of every list entry of a page, in one buffer, as segments tagged with their entry and role.
/// Segments are appended in document order; nested entries interleave with their parent's.
/// </summary>
/// <param name="pageLength">The page's length, to size the buffers once (entry text is a fraction of the markup).</param>
internal sealed class EntryText(int pageLength)
{
    private readonly CharBuffer _chars = new(pageLength / 4);
    private readonly CharBuffer _scratch = new(256);
    private readonly List<(int Entry, EntryRole Role, int Start, int Length)> _segments = new(pageLength / 40);
    private readonly List<(int First, int End)> _ranges = new(pageLength / 160);

    public void StartEntry() => _ranges.Add((_segments.Count, _segments.Count));

    public void Append(int entry, EntryRole role, ReadOnlySpan<char> raw)
    {
        var start = _chars.Length;
        HtmlText.AppendDecoded(_chars, raw);
        _segments.Add((entry, role, start, _chars.Length - start));
        _ranges[entry] = (_ranges[entry].First, _segments.Count);
    }

    public bool Has(int entry, EntryRole role)
    {
        var (first, end) = _ranges[entry];
        for (var i = first; i < end; i++)
        {
            var s = _segments[i];
            if (s.Entry == entry && s.Role == role && s.Length > 0) return true;
        }

        return false;
    }

    public string Collapsed(int entry, EntryRole? role)
    {
        _scratch.Clear();
        var (first, end) = _ranges[entry];
        for (var i = first; i < end; i++)
        {
            var s = _segments[i];
            if (s.Entry == entry && (role is null || s.Role == role))
            {
                _scratch.Append(_chars.Span.Slice(s.Start, s.Length));
            }
        }

        return MinutesText.Collapse(_scratch.Span);
    }
}
