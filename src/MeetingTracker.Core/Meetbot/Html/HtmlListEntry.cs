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
/// (any uppercase class), <c>&lt;span class="details"&gt;</c>, and the rest (links, Matrix's plain items).
/// </summary>
internal sealed class HtmlListEntry(string section, int? parent)
{
    private readonly CharBuffer?[] _byRole = new CharBuffer?[5];
    private readonly CharBuffer _all = new(64);

    /// <summary>The <c>&lt;h3&gt;</c> heading the entry is under, lowercased and collapsed ("" before any).</summary>
    public string Section { get; } = section;

    /// <summary>Index (in the document's entry list) of the enclosing <c>&lt;li&gt;</c>, if nested.</summary>
    public int? Parent { get; } = parent;

    public bool HasTopicMarkup { get; set; }

    /// <summary>The class of the first uppercase-classed span (<c>INFO</c>, <c>ACTION</c>, …).</summary>
    public string? TypedClass { get; set; }

    /// <summary>The first link outside the details (a LINK item's URL).</summary>
    public string? Url { get; set; }

    /// <summary>The link inside the details: <c>….log.html#l-N</c>.</summary>
    public string? DetailsHref { get; set; }

    /// <summary>Appends raw HTML text (character references still encoded) under a role.</summary>
    public void AppendRaw(EntryRole role, ReadOnlySpan<char> raw)
    {
        var start = _all.Length;
        HtmlText.AppendDecoded(_all, raw);
        (_byRole[(int)role] ??= new CharBuffer(64)).Append(_all.Span[start..]);
    }

    public string Text(EntryRole role) => _byRole[(int)role] is { } b ? MinutesText.Collapse(b.Span) : string.Empty;

    public bool IsEmpty(EntryRole role) => _byRole[(int)role] is not { Length: > 0 };

    /// <summary>All the entry's own text, collapsed.</summary>
    public string AllText => MinutesText.Collapse(_all.Span);
}
