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
    private int _preDepth;
    private int _hrefNormal;
    private int _hrefEmote;
    private int _plainEmote;

    public void Walk(string html)
    {
        var scanner = new HtmlScanner(html);
        var inTitle = false;
        for (var kind = scanner.Next(); kind != HtmlTokenKind.EndOfFile; kind = scanner.Next())
        {
            if (kind == HtmlTokenKind.StartTag)
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

        return new LogHtmlContent(_log.Lines, _channel, Hint(), _anchors);
    }

    private void OnStart(HtmlScanner s)
    {
        if (s.IsTag("pre"))
        {
            _preDepth++;
        }
        else if (s.IsTag("a") && s.TryGetAttribute("name", out var anchor))
        {
            var number = LineNumber(anchor);
            if (number is null && _preDepth == 0)
            {
                return;
            }

            Finish();
            Begin(number ?? _number + 1, number is null);
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
        if (s.IsTag("pre"))
        {
            Finish();
            _preDepth = Math.Max(0, _preDepth - 1);
        }
        else if (_row.IsActive && s.IsTag("div"))
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
