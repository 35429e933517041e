using System.IO.Compression;
using System.Security.Cryptography;

namespace MeetingTracker.Core.Harvesting;

/// <summary>How raw file bytes are kept: Brotli-compressed, identified by their SHA-256.</summary>
public static class FileContent
{
    /// <summary>
    /// Brotli quality 1, chosen by measurement (docs/benchmarks.md, issue 14): on the 10,000-meeting generated server it
    /// compresses 3.7 times faster than quality 5 and keeps 30% of the bytes instead of 24.5%; a first import spent
    /// more time compressing than parsing. Any quality decompresses the same way, so stored bodies stay readable.
    /// </summary>
    public const int Quality = 1;

    public static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (!BrotliEncoder.TryCompress(raw, buffer, out var written, Quality, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress into its own maximum length.");
        }

        return buffer[..written];
    }

    public static byte[] Decompress(byte[] stored)
    {
        using var input = new MemoryStream(stored);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(stored.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }

    public static string Sha256(ReadOnlySpan<byte> raw) => Convert.ToHexStringLower(SHA256.HashData(raw));
}
