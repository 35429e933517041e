using System.IO.Compression;
using System.Security.Cryptography;

namespace MeetingTracker.Core.Harvesting;

/// <summary>How raw file bytes are kept: Brotli-compressed, identified by their SHA-256.</summary>
public static class FileContent
{
    public static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (!BrotliEncoder.TryCompress(raw, buffer, out var written, quality: 5, window: 22))
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
