using System.Globalization;
using MeetingTracker.Core.Meetbot.Minutes;
using MeetingTracker.Core.Meetbot.Replay;

namespace MeetingTracker.Core.Meetbot.Html;

/// <summary>
/// One pass over a <c>.log.html</c>: every <c>&lt;a name="l-N"&gt;</c> (MeetBot) or
/// <c>&lt;div class="d-table-row" id="l-N"&gt;</c> (Matrix) starts a line that runs to the next one or to
/// <c>&lt;/pre&gt;</c>; MeetBot lines are rebuilt as text and read like <c>.log.txt</c> lines.
/// </summary>
internal sealed class LogHtmlWalker(DateOnly date, List<string> warnings)
{
    private const int MaxListed = 5;

    private readonly LogLineCollector _log = new(date);
    private readonly CharBuffer _text = new(512);
    private readonly MatrixRow _row = new();
    private readonly List<string> _gaps = [];
    private string? _channel;
    private int _number;
    private int _anchors;
    private int _positional;
    private bool _open;
    private bool _hrefAnchor;
    private int _hrefNormal;
    private int _hrefEmote;
    private int _plainEmote;

    public void Walk(string html)
    {
        var scanner = new HtmlScanner(html);
        var inTitle = false;
        for (var kind = scanner.Next(); kind != HtmlTokenKind.EndOfFile; kind = scanner.Next())
        {
            if (kind == HtmlTokenKind.StartTag && scanner.IsTag("pre"))
            {
                scanner.MoveTo(WalkPre(html, scanner.Position));
            }
            else if (kind == HtmlTokenKind.StartTag)
            {
                inTitle = scanner.IsTag("title");
                OnStart(scanner);
            }
            else if (kind == HtmlTokenKind.EndTag)
            {
                inTitle = false;
                OnEnd(scanner);
            }
            else if (inTitle)
            {
                _channel ??= ChannelOf(HtmlText.Decode(scanner.RawText));
            }
            else if (_open)
            {
                HtmlText.AppendDecoded(_row.IsActive ? _row.Cell : _text, scanner.RawText);
            }
        }

        Finish();
    }

    public LogHtmlContent Result()
    {
        if (_positional > 0)
        {
            warnings.Add("line anchors are not MeetBot's l-N (another bot's log, e.g. hcoop-meetbot): lines are numbered by position");
        }

        if (_gaps.Count > 0)
        {
            warnings.Add($"line anchors are not consecutive: {string.Join(", ", _gaps.Take(MaxListed))}{(_gaps.Count > MaxListed ? ", …" : string.Empty)}");
        }

        if (_log.Unreadable.Count > 0)
        {
            warnings.Add($"{_log.Unreadable.Count} anchored line(s) do not read as 'time <nick> text' and were skipped (l-{string.Join(", l-", _log.Unreadable.Take(MaxListed))})");
        }

        _log.AddClockWarnings(warnings);
        return new LogHtmlContent(_log.Lines, _channel, Hint(), _anchors);
    }

    // The body of MeetBot's <pre>, read with a tight loop: every line is an <a name="l-N"> followed by spans whose text
    // is the line; other tags are only stripped. Returns the position after </pre> (or the end of the page).
    private int WalkPre(string html, int i)
    {
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var end = lt < 0 ? html.Length : lt;
            if (_open && end > i)
            {
                HtmlText.AppendDecoded(_text, html.AsSpan(i, end - i));
            }

            if (lt < 0)
            {
                break;
            }

            var gt = html.IndexOf('>', lt);
            if (gt < 0)
            {
                break;
            }

            var tag = html.AsSpan(lt + 1, gt - lt - 1);
            if (tag.StartsWith("/pre", StringComparison.OrdinalIgnoreCase))
            {
                Finish();
                return gt + 1;
            }

            if (tag.Length > 2 && tag[0] is 'a' or 'A' && HtmlScanner.IsSpace(tag[1]) && HtmlScanner.TryGetAttribute(tag[2..], "name", out var anchor))
            {
                var number = LineNumber(anchor);
                Finish();
                Begin(number ?? _number + 1, number is null);
                _hrefAnchor = HtmlScanner.TryGetAttribute(tag[2..], "href", out _);
            }

            i = gt + 1;
        }

        Finish();
        return html.Length;
    }

    private void OnStart(HtmlScanner s)
    {
        if (s.IsTag("a") && s.TryGetAttribute("name", out var anchor) && LineNumber(anchor) is { } number)
        {
            Finish();
            Begin(number, positional: false);
            _hrefAnchor = s.TryGetAttribute("href", out _);
        }
        else if (s.IsTag("div") && s.HasClass("d-table-row") && s.TryGetAttribute("id", out var id) && LineNumber(id) is { } row)
        {
            Finish();
            Begin(row, positional: false);
            _row.Start();
        }
        else if (_row.IsActive && s.IsTag("div"))
        {
            _row.Enter(s.HasClass("nick") ? MatrixCell.Nick : s.HasClass("time") ? MatrixCell.Time : MatrixCell.Message);
        }
    }

    private void OnEnd(HtmlScanner s)
    {
        if (_row.IsActive && s.IsTag("div"))
        {
            _row.Leave();
        }
        else if (s.IsTag("body") || s.IsTag("html"))
        {
            Finish();
        }
    }

    private void Begin(int number, bool positional)
    {
        if (_anchors > 0 && number != _number + 1)
        {
            _gaps.Add(string.Create(CultureInfo.InvariantCulture, $"l-{_number} then l-{number}"));
        }

        _anchors++;
        _positional += positional ? 1 : 0;
        _number = number;
        _open = true;
        _text.Clear();
    }

    private void Finish()
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        if (_row.IsActive)
        {
            AddMatrixRow();
            return;
        }

        _text.TrimOne('\n');
        _text.TrimOne('\r');
        if (_log.Add(_number, _text.Span) is { } line)
        {
            Count(line.IsEmote);
        }
    }

    private void AddMatrixRow()
    {
        _row.Finish();
        var seconds = LogLineScanner.ParseTime(_row.Time.Trim(), out var hasSeconds);
        var nick = _row.Nick.Trim().Trim("<>").Trim();
        if (nick.IsEmpty)
        {
            _log.Unreadable.Add(_number);
            return;
        }

        _log.Add(_number, seconds, hasSeconds, null, nick, _row.Message.Trim(), isEmote: false);
    }

    private void Count(bool isEmote)
    {
        if (_hrefAnchor)
        {
            _ = isEmote ? _hrefEmote++ : _hrefNormal++;
        }
        else if (isEmote)
        {
            _plainEmote++;
        }
    }

    private MeetbotDialect Hint()
    {
        if (_row.Rows > 0)
        {
            return MeetbotDialect.Matrix;
        }

        if (_log.WithoutSeconds > _log.WithSeconds || (_hrefNormal > 0 && _plainEmote > 0 && _hrefEmote == 0))
        {
            return MeetbotDialect.Meetingology;
        }

        return _hrefNormal + _hrefEmote > 0 ? MeetbotDialect.OpenStack : MeetbotDialect.Unknown;
    }

    private static int? LineNumber(ReadOnlySpan<char> anchor) =>
        anchor.StartsWith("l-") && int.TryParse(anchor[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    // "<title>#channel log</title>"
    private static string? ChannelOf(string title)
    {
        var t = MinutesText.Collapse(title);
        if (t.EndsWith(" log", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^4];
        }

        return t.Length == 0 ? null : t;
    }
}
