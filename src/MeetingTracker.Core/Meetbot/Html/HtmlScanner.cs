namespace MeetingTracker.Core.Meetbot.Html;

internal enum HtmlTokenKind
{
    EndOfFile,
    Text,
    StartTag,
    EndTag,
}

/// <summary>
/// A forward-only HTML tokenizer for machine-written meetbot pages: text runs, start tags with their attribute
/// region, end tags; comments, doctypes and processing instructions are skipped; the content of
/// <c>style</c>, <c>script</c>, <c>title</c> and <c>textarea</c> is one raw text token. Every step moves forward, so
/// any input (truncated, random tags) is scanned in linear time. A tag cut off by the end of the file ends the scan,
/// as in the HTML standard. Why not AngleSharp's parser (still used for its HTML5 entity table): on the corpus it read
/// .log.html at 42 MB/s and minutes pages at 7 MB/s, against 400-900 MB/s for merely splitting the same bytes into
/// lines, so the readers could not meet their 1/10 target; its tokenizer alone was still 7-40 times slower than that.
/// </summary>
internal sealed class HtmlScanner(string html)
{
    private int _pos;
    private int _nameStart;
    private int _nameEnd;
    private int _attrEnd;
    private string? _rawTextEnd;

    public HtmlTokenKind Kind { get; private set; }

    /// <summary>Start of the current token's text (for <see cref="HtmlTokenKind.Text"/>).</summary>
    public int TextStart { get; private set; }

    public int TextEnd { get; private set; }

    public ReadOnlySpan<char> RawText => html.AsSpan(TextStart, TextEnd - TextStart);

    public ReadOnlySpan<char> Name => html.AsSpan(_nameStart, _nameEnd - _nameStart);

    /// <summary>The current tag's name, lowercased (the same string instance for common names).</summary>
    public string Tag { get; private set; } = string.Empty;

    public bool IsTag(string lowerName) => string.Equals(Tag, lowerName, StringComparison.Ordinal);

    /// <summary>Where the scan continues; <see cref="MoveTo"/> lets a caller that read ahead by itself resume.</summary>
    public int Position => _pos;

    public void MoveTo(int position)
    {
        _pos = Math.Clamp(position, _pos, html.Length);
        _rawTextEnd = null;
    }

    public HtmlTokenKind Next()
    {
        if (_rawTextEnd is { } closing)
        {
            _rawTextEnd = null;
            var end = FindClosingTag(closing);
            if (end > _pos)
            {
                return SetText(_pos, end);
            }
        }

        while (_pos < html.Length)
        {
            var lt = html.IndexOf('<', _pos);
            if (lt < 0)
            {
                return SetText(_pos, html.Length);
            }

            if (lt > _pos)
            {
                return SetText(_pos, lt);
            }

            if (TryTag(lt) is { } kind)
            {
                return kind;
            }
        }

        return Kind = HtmlTokenKind.EndOfFile;
    }

    /// <summary>The raw (entity-encoded) value of an attribute of the current start tag; false when absent.</summary>
    public bool TryGetAttribute(string name, out ReadOnlySpan<char> value) =>
        TryGetAttribute(html.AsSpan(_nameEnd, _attrEnd - _nameEnd), name, out value);

    /// <summary>Finds an attribute in a tag's attribute text (<c>name="v" name2='v' name3=v flag</c>).</summary>
    public static bool TryGetAttribute(ReadOnlySpan<char> attrs, string name, out ReadOnlySpan<char> value)
    {
        var i = 0;
        while (i < attrs.Length)
        {
            while (i < attrs.Length && (IsSpace(attrs[i]) || attrs[i] == '/')) i++;
            var nameStart = i;
            while (i < attrs.Length && !IsSpace(attrs[i]) && attrs[i] is not '=' and not '/') i++;
            var attrName = attrs[nameStart..i];
            while (i < attrs.Length && IsSpace(attrs[i])) i++;
            var valueStart = i;
            var valueEnd = i;
            if (i < attrs.Length && attrs[i] == '=')
            {
                i++;
                while (i < attrs.Length && IsSpace(attrs[i])) i++;
                if (i < attrs.Length && attrs[i] is '"' or '\'')
                {
                    var quote = attrs[i];
                    valueStart = ++i;
                    while (i < attrs.Length && attrs[i] != quote) i++;
                    valueEnd = i;
                    i++;
                }
                else
                {
                    valueStart = i;
                    while (i < attrs.Length && !IsSpace(attrs[i])) i++;
                    valueEnd = i;
                }
            }

            if (attrName.Length > 0 && attrName.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = attrs[valueStart..Math.Max(valueStart, Math.Min(valueEnd, attrs.Length))];
                return true;
            }

            if (attrName.Length == 0 && i == nameStart)
            {
                i++;
            }
        }

        value = default;
        return false;
    }

    /// <summary>True when the current start tag has a class attribute containing <paramref name="className"/> as a word.</summary>
    public bool HasClass(string className)
    {
        return TryGetAttribute("class", out var classes) && HasWord(classes, className);
    }

    /// <summary>True when the space-separated <paramref name="classes"/> contain <paramref name="className"/>.</summary>
    public static bool HasWord(ReadOnlySpan<char> classes, string className)
    {
        for (var at = classes.IndexOf(className, StringComparison.Ordinal); at >= 0;)
        {
            var end = at + className.Length;
            if ((at == 0 || IsSpace(classes[at - 1])) && (end == classes.Length || IsSpace(classes[end])))
            {
                return true;
            }

            var next = classes[end..].IndexOf(className, StringComparison.Ordinal);
            at = next < 0 ? -1 : end + next;
        }

        return false;
    }

    private HtmlTokenKind SetText(int start, int end)
    {
        TextStart = start;
        TextEnd = end;
        _pos = end;
        return Kind = HtmlTokenKind.Text;
    }

    // Reads the markup at '<'; returns null when it was skipped (comment, doctype) and the caller should continue.
    private HtmlTokenKind? TryTag(int lt)
    {
        var i = lt + 1;
        if (i >= html.Length)
        {
            return SetText(lt, html.Length);
        }

        var c = html[i];
        if (c == '!' || c == '?')
        {
            var isComment = string.CompareOrdinal(html, i, "!--", 0, 3) == 0;
            var close = isComment ? html.IndexOf("-->", i + 3, StringComparison.Ordinal) : html.IndexOf('>', i);
            _pos = close < 0 ? html.Length : close + (isComment ? 3 : 1);
            return null;
        }

        var isEnd = c == '/';
        if (isEnd)
        {
            i++;
        }

        if (i >= html.Length || !char.IsAsciiLetter(html[i]))
        {
            // Not a tag ("a < b", "</ >"): the '<' is text.
            return SetText(lt, lt + 1);
        }

        _nameStart = i;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not '>' and not '/') i++;
        _nameEnd = i;
        Tag = HtmlTagNames.Of(Name);
        var gt = FindTagEnd(i);
        if (gt < 0)
        {
            _pos = html.Length;
            return Kind = HtmlTokenKind.EndOfFile;
        }

        _attrEnd = gt;
        _pos = gt + 1;
        if (isEnd)
        {
            return Kind = HtmlTokenKind.EndTag;
        }

        var selfClosing = gt > _nameEnd && html[gt - 1] == '/';
        if (!selfClosing && Tag is "style" or "script" or "title" or "textarea")
        {
            _rawTextEnd = Tag;
        }

        return Kind = HtmlTokenKind.StartTag;
    }

    // The '>' that ends a tag, skipping quoted attribute values; -1 when the file ends first.
    private int FindTagEnd(int i)
    {
        var s = html.AsSpan();
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '>')
            {
                return i;
            }

            if (c is '"' or '\'' && (s[i - 1] == '=' || IsSpace(s[i - 1])))
            {
                var close = s[(i + 1)..].IndexOf(c);
                if (close < 0)
                {
                    return -1;
                }

                i += close + 1;
            }
        }

        return -1;
    }

    private int FindClosingTag(string name)
    {
        for (var i = html.IndexOf("</", _pos, StringComparison.Ordinal); i >= 0; i = html.IndexOf("</", i + 2, StringComparison.Ordinal))
        {
            if (string.Compare(html, i + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return i;
            }
        }

        return html.Length;
    }

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
