namespace MeetingTracker.Core.Meetbot.Html;

/// <summary>A growable, reusable char buffer: the HTML readers rebuild many small texts without a string each.</summary>
internal sealed class CharBuffer(int capacity = 256)
{
    private char[] _chars = new char[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(char c)
    {
        Reserve(1);
        _chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>Removes one trailing <paramref name="c"/>, if the buffer ends with it.</summary>
    public void TrimOne(char c)
    {
        if (Length > 0 && _chars[Length - 1] == c)
        {
            Length--;
        }
    }

    public override string ToString() => Span.ToString();

    private void Reserve(int more)
    {
        if (Length + more > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + more));
        }
    }
}
