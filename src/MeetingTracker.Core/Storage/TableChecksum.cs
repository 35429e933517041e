using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// SHA-256 over a table's rows in primary-key order, each value read as the model's type and hashed in one engine-neutral
/// form (a tag, then: a boolean as one byte, every integer as 8 bytes, text as its UTF-8 with its length, bytes with
/// their length, a date as its day number, a double as its bits): the same data gives the same sum on SQLite and
/// PostgreSQL.
/// </summary>
internal sealed class TableChecksum : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] number = new byte[9];

    public long Rows { get; private set; }

    public void Add(object?[] row)
    {
        Rows++;
        foreach (var value in row) Add(value);
    }

    /// <summary>The sum in hex (lower case); ends the sum.</summary>
    public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();

    private void Add(object? value)
    {
        switch (value)
        {
            case null: Tagged(0, 0); break;
            case bool b: Tagged(1, b ? 1 : 0); break;
            case byte or sbyte or short or ushort or int or uint or long: Tagged(2, Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong u: Tagged(2, unchecked((long)u)); break;
            case string s: Bytes(3, Encoding.UTF8.GetBytes(s)); break;
            case byte[] bytes: Bytes(4, bytes); break;
            case double d: Tagged(5, BitConverter.DoubleToInt64Bits(d)); break;
            case float f: Tagged(5, BitConverter.DoubleToInt64Bits(f)); break;
            case DateOnly date: Tagged(6, date.DayNumber); break;
            case DateTime time: Tagged(7, time.Ticks); break;
            case DateTimeOffset offset: Tagged(7, offset.UtcTicks); break;
            case TimeSpan span: Tagged(8, span.Ticks); break;
            case TimeOnly clock: Tagged(8, clock.Ticks); break;
            case Guid guid: Bytes(9, guid.ToByteArray()); break;
            case decimal m: Bytes(10, Encoding.UTF8.GetBytes((m / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture))); break;
            default: Bytes(11, Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")); break;
        }
    }

    private void Tagged(byte tag, long value)
    {
        number[0] = tag;
        BinaryPrimitives.WriteInt64LittleEndian(number.AsSpan(1), value);
        hash.AppendData(number);
    }

    private void Bytes(byte tag, byte[] bytes)
    {
        Tagged(tag, bytes.Length);
        hash.AppendData(bytes);
    }
}
