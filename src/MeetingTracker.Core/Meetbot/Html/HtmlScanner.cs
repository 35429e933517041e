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
/// as in the HTML standard. A full DOM parser (AngleSharp) measured 10 to 100 times slower on these small files.
/// </summary>
internal sealed class HtmlScanner(string html)
{
    private static readonly string[] RawTextElements = ["style", "script", "title", "textarea"];

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

    public bool IsTag(string lowerName) => Name.Equals(lowerName, StringComparison.OrdinalIgnoreCase);

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
    public bool TryGetAttribute(string name, out ReadOnlySpan<char> value)
    {
        var i = _nameEnd;
        while (i < _attrEnd)
        {
            while (i < _attrEnd && (IsSpace(html[i]) || html[i] == '/')) i++;
            var nameStart = i;
            while (i < _attrEnd && !IsSpace(html[i]) && html[i] is not '=' and not '/') i++;
            var attrName = html.AsSpan(nameStart, i - nameStart);
            while (i < _attrEnd && IsSpace(html[i])) i++;
            var valueStart = i;
            var valueEnd = i;
            if (i < _attrEnd && html[i] == '=')
            {
                i++;
                while (i < _attrEnd && IsSpace(html[i])) i++;
                if (i < _attrEnd && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    valueStart = ++i;
                    while (i < _attrEnd && html[i] != quote) i++;
                    valueEnd = i;
                    i++;
                }
                else
                {
                    valueStart = i;
                    while (i < _attrEnd && !IsSpace(html[i])) i++;
                    valueEnd = i;
                }
            }

            if (attrName.Length > 0 && attrName.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = html.AsSpan(valueStart, Math.Max(0, valueEnd - valueStart));
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
        if (!TryGetAttribute("class", out var classes))
        {
            return false;
        }

        foreach (var range in classes.SplitAny(" \t\n\r\f"))
        {
            if (classes[range].Equals(className, StringComparison.Ordinal))
            {
                return true;
            }
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
        foreach (var raw in RawTextElements)
        {
            if (!selfClosing && IsTag(raw))
            {
                _rawTextEnd = raw;
            }
        }

        return Kind = HtmlTokenKind.StartTag;
    }

    // The '>' that ends a tag, skipping quoted attribute values; -1 when the file ends first.
    private int FindTagEnd(int i)
    {
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return i;
            }

            if (c is '"' or '\'' && i > 0 && (html[i - 1] == '=' || IsSpace(html[i - 1])))
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return -1;
                }

                i = close;
            }

            i++;
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

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
