using System.Globalization;
using MeetingTracker.Core.Meetbot.Minutes;

namespace MeetingTracker.Core.Meetbot.Html;

/// <summary>What the text after a start tag is: ordinary, a title, or style/script content to skip.</summary>
internal enum RawContent
{
    None,
    Title,
    Skipped,
}

/// <summary>
/// One pass over a minutes page: the title, the <c>h1</c>, the text outside lists ("Meeting started by…", the
/// footer), and every list entry with its section and parent. Nesting of <c>ol</c>/<c>li</c> is tracked with the
/// HTML rule that a new <c>li</c> closes an open one, so MeetBot's irregular prologue lists and hand-made pages read
/// the same way. Which topic an item belongs to is decided later by document order, not nesting.
/// </summary>
internal sealed class MinutesHtmlDocument
{
    private readonly List<int?> _frames = []; // null = a list (ol/ul), N = the open li with entry index N
    private readonly List<(string Tag, EntryRole Role)> _inline = [];
    private readonly EntryText _entryText;
    private readonly CharBuffer _loose = new(512);
    private readonly CharBuffer _heading = new(64);
    private string _section = string.Empty;
    private bool _inHeading;
    private bool _inH1;

    private MinutesHtmlDocument(int pageLength)
    {
        _entryText = new EntryText(pageLength);
        Entries = new List<HtmlListEntry>(pageLength / 160);
    }

    public string? Title { get; private set; }

    public string? H1 { get; private set; }

    public List<HtmlListEntry> Entries { get; }

    /// <summary>Every h3 heading seen, lowercased and collapsed.</summary>
    public List<string> Sections { get; } = [];

    /// <summary>A link outside the lists (the footer's) points at Ubuntu's wiki or meetingology.</summary>
    public bool HasUbuntuLink { get; private set; }

    public string LooseText { get; private set; } = string.Empty;

    public static MinutesHtmlDocument Parse(string html)
    {
        var doc = new MinutesHtmlDocument(html.Length);
        var scanner = new HtmlScanner(html);
        var raw = RawContent.None;
        for (var kind = scanner.Next(); kind != HtmlTokenKind.EndOfFile; kind = scanner.Next())
        {
            switch (kind)
            {
                case HtmlTokenKind.StartTag:
                    raw = doc.OnStart(scanner);
                    break;
                case HtmlTokenKind.EndTag:
                    raw = RawContent.None;
                    doc.OnEnd(scanner);
                    break;
                default:
                    doc.OnText(scanner, raw);
                    break;
            }
        }

        doc.LooseText = MinutesText.Collapse(doc._loose.Span);
        return doc;
    }

    private HtmlListEntry? OpenEntry => _frames.Count > 0 && _frames[^1] is { } i ? Entries[i] : null;

    private RawContent OnStart(HtmlScanner s)
    {
        switch (s.Tag)
        {
            case "ol" or "ul":
                _frames.Add(null);
                break;
            case "li":
                OpenListEntry();
                break;
            case "h1" or "h3":
                _inHeading = true;
                _inH1 = s.Tag == "h1";
                _heading.Clear();
                break;
            case "style" or "script":
                return RawContent.Skipped;
            case "title":
                return RawContent.Title;
            default:
                if (OpenEntry is { } entry)
                {
                    OnInlineStart(s, entry);
                }
                else if (s.Tag == "a" && s.TryGetAttribute("href", out var href))
                {
                    HasUbuntuLink |= href.Contains("ubuntu.com", StringComparison.OrdinalIgnoreCase) || href.Contains("meetingology", StringComparison.OrdinalIgnoreCase);
                }

                break;
        }

        return RawContent.None;
    }

    private void OpenListEntry()
    {
        if (_frames.Count > 0 && _frames[^1] is not null)
        {
            CloseEntry();
        }

        int? parent = null;
        for (var f = _frames.Count - 1; f >= 0 && parent is null; f--) parent = _frames[f];
        _entryText.StartEntry();
        Entries.Add(new HtmlListEntry(_entryText, Entries.Count, _section, parent));
        _frames.Add(Entries.Count - 1);
    }

    private void OnInlineStart(HtmlScanner s, HtmlListEntry entry)
    {
        var tag = s.Tag;
        if (tag is "br" or "img" or "hr")
        {
            return;
        }

        var role = EntryRole.Other;
        if (tag is "b" or "i" or "span" && s.TryGetAttribute("class", out var cls))
        {
            role = RoleOf(tag, cls, entry);
        }
        else if (tag == "a" && s.TryGetAttribute("href", out var href))
        {
            if (CurrentRole == EntryRole.Details) entry.DetailsLine ??= LineOf(href);
            else entry.Url ??= HtmlText.Decode(href);
        }

        _inline.Add((tag, role));
    }

    private static EntryRole RoleOf(string tag, ReadOnlySpan<char> cls, HtmlListEntry entry)
    {
        // MeetBot writes one class per element; other pages may list several.
        var role = tag switch
        {
            "span" when cls is "details" => EntryRole.Details,
            "b" when cls is "TOPIC" => EntryRole.Topic,
            "span" when cls is "topic" => EntryRole.Topic,
            "i" when cls is "itemtype" => EntryRole.ItemType,
            "span" when cls is "event" => EntryRole.ItemType,
            _ => RoleOfClassList(tag, cls),
        };
        if (role == EntryRole.Topic)
        {
            entry.HasTopicMarkup = true;
        }
        else if (role == EntryRole.Typed)
        {
            entry.TypedClass ??= ItemKinds.TryLabel(cls, out var label) ? label : cls.ToString();
        }

        return role;
    }

    private static EntryRole RoleOfClassList(string tag, ReadOnlySpan<char> cls)
    {
        if ((tag is "b" or "span" && HtmlScanner.HasWord(cls, "TOPIC")) || (tag == "span" && HtmlScanner.HasWord(cls, "topic")))
        {
            return EntryRole.Topic;
        }

        if ((tag == "i" && HtmlScanner.HasWord(cls, "itemtype")) || (tag == "span" && HtmlScanner.HasWord(cls, "event")))
        {
            return EntryRole.ItemType;
        }

        if (tag != "span")
        {
            return EntryRole.Other;
        }

        return HtmlScanner.HasWord(cls, "details") ? EntryRole.Details
            : IsTypeClass(cls) ? EntryRole.Typed
            : EntryRole.Other;
    }

    private void OnEnd(HtmlScanner s)
    {
        switch (s.Tag)
        {
            case "ol" or "ul":
                var list = _frames.LastIndexOf(null);
                if (list >= 0)
                {
                    while (_frames.Count > list + 1) CloseEntry();
                    _frames.RemoveAt(list);
                }

                break;
            case "li":
                if (_frames.Count > 0 && _frames[^1] is not null) CloseEntry();
                break;
            case "h1" or "h3" when _inHeading:
                _inHeading = false;
                var text = MinutesText.Collapse(_heading.Span);
                if (_inH1) H1 ??= text;
                else Sections.Add(_section = text.ToLowerInvariant());
                break;
            default:
                for (var i = _inline.Count - 1; i >= 0; i--)
                {
                    if (s.IsTag(_inline[i].Tag))
                    {
                        _inline.RemoveRange(i, _inline.Count - i);
                        break;
                    }
                }

                break;
        }
    }

    private void OnText(HtmlScanner s, RawContent raw)
    {
        if (raw == RawContent.Skipped)
        {
            return;
        }

        if (raw == RawContent.Title)
        {
            Title ??= MinutesText.Collapse(HtmlText.Decode(s.RawText));
        }
        else if (_inHeading)
        {
            HtmlText.AppendDecoded(_heading, s.RawText);
        }
        else if (OpenEntry is { } entry)
        {
            _entryText.Append(entry.Index, CurrentRole, s.RawText);
        }
        else
        {
            HtmlText.AppendDecoded(_loose, s.RawText);
        }
    }

    private EntryRole CurrentRole
    {
        get
        {
            for (var i = _inline.Count - 1; i >= 0; i--)
            {
                if (_inline[i].Role != EntryRole.Other) return _inline[i].Role;
            }

            return EntryRole.Other;
        }
    }

    private void CloseEntry()
    {
        _frames.RemoveAt(_frames.Count - 1);
        _inline.Clear();
    }

    // "….log.html#l-N" (MeetBot writes no character references in these links).
    private static int? LineOf(ReadOnlySpan<char> href)
    {
        var at = href.LastIndexOf("#l-");
        return at >= 0 && int.TryParse(href[(at + 3)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    // MeetBot names an item's span after its type: INFO, ACTION, AGREED, ... (uppercase ASCII letters).
    private static bool IsTypeClass(ReadOnlySpan<char> cls) => cls.Length > 1 && !cls.ContainsAnyExceptInRange('A', 'Z');
}
