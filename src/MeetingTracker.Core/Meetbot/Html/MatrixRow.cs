namespace MeetingTracker.Core.Meetbot.Html;

internal enum MatrixCell
{
    None,
    Nick,
    Time,
    Message,
}

/// <summary>
/// The Matrix bot's log row: <c>&lt;div class="d-table-row" id="l-N"&gt;</c> holding three cells, nick
/// (<c>" &lt;@user:server&gt; "</c>), time and message. Text between the cells is template indentation.
/// </summary>
internal sealed class MatrixRow
{
    private readonly CharBuffer _nick = new(64);
    private readonly CharBuffer _time = new(16);
    private readonly CharBuffer _message = new(256);
    private readonly CharBuffer _ignored = new(64);
    private MatrixCell _cell;

    public bool IsActive { get; private set; }

    public int Rows { get; private set; }

    /// <summary>Where text goes now: the open cell, or nowhere.</summary>
    public CharBuffer Cell => _cell switch
    {
        MatrixCell.Nick => _nick,
        MatrixCell.Time => _time,
        MatrixCell.Message => _message,
        _ => _ignored,
    };

    public void Start()
    {
        IsActive = true;
        Rows++;
        _cell = MatrixCell.None;
        _nick.Clear();
        _time.Clear();
        _message.Clear();
    }

    public void Enter(MatrixCell cell) => _cell = cell;

    public void Leave()
    {
        _cell = MatrixCell.None;
        _ignored.Clear();
    }

    public ReadOnlySpan<char> Nick => _nick.Span;

    public ReadOnlySpan<char> Time => _time.Span;

    public ReadOnlySpan<char> Message => _message.Span;

    public void Finish()
    {
        IsActive = false;
        _cell = MatrixCell.None;
    }
}
