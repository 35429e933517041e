using System.Text;
using CsCheck;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Meetbot.Robustness;

/// <summary>
/// Whatever the bytes, a reader returns: a meeting (best effort, with warnings) or ok=false with a reason. It never
/// throws, never hangs, and never hits an unexpected exception inside a reader (the dispatcher's last-resort
/// "internal reader error" counts as a failure of this property).
/// </summary>
public sealed class ReaderRobustnessTests
{
    private static readonly string[] Extensions = [".log.txt", ".log.html", ".txt", ".html", ".moin.txt", ".log"];
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public void Arbitrary_bytes_as_every_format()
        => Gen.Select(Gen.Byte.Array[0, 3000], Gen.Int[0, Extensions.Length - 1])
            .Sample((bytes, ext) => AssertWellBehaved(bytes, SeedFiles.Stamp + Extensions[ext]), iter: 600);

    [Fact]
    public void Mutated_seed_files_of_every_format()
        => Gen.Select(Gen.Int[0, SeedFiles.All.Length - 1], Gen.Int[1, 8], Gen.Long)
            .Sample((seed, mutations, rng) =>
            {
                var (ext, bytes) = SeedFiles.All[seed];
                AssertWellBehaved(Mutate(bytes, mutations, new Random(unchecked((int)rng))), SeedFiles.Stamp + ext);
            }, iter: 2000);

    [Fact]
    public void Every_seed_file_reads_as_a_meeting()
    {
        foreach (var (ext, bytes) in SeedFiles.All)
        {
            var result = MeetbotReader.Read(bytes, SeedFiles.Stamp + ext);
            Assert.True(result.Ok, $"{ext}: {result.Error}");
        }
    }

    [Theory]
    [InlineData(".log.txt")]
    [InlineData(".html")]
    [InlineData(".log.html")]
    public void Truncated_at_every_point(string ext)
    {
        var bytes = SeedFiles.All.Single(s => s.Extension == ext).Bytes;
        for (var n = 0; n <= bytes.Length; n += 7)
        {
            AssertWellBehaved(bytes[..n], SeedFiles.Stamp + ext);
        }
    }

    [Fact]
    public void Invalid_utf8_falls_back_per_line_and_warns()
    {
        var latin1 = Encoding.Latin1.GetBytes("14:10:13 <bob> caf\u00e9 cr\u00e8me\n");
        var seed = SeedFiles.All[0].Bytes;
        var firstLine = Array.IndexOf(seed, (byte)'\n') + 1;
        byte[] bytes = [.. seed[..firstLine], .. latin1, .. seed[firstLine..]];

        var result = MeetbotReader.Read(bytes, SeedFiles.Stamp + ".log.txt");

        Assert.True(result.Ok, result.Error);
        Assert.Contains(result.Meeting!.Lines, l => l.Text == "café crème");
        Assert.NotEmpty(result.Meeting.Warnings);
    }

    [Fact]
    public void Fifty_megabytes_of_log_read_best_effort()
    {
        var line = "14:11:02 <bob> a long meeting goes on and on about mirrors and ünïcode\n"u8.ToArray();
        var bytes = new byte[50 * 1024 * 1024];
        var header = "14:10:12 <alice> #startmeeting Endless\n"u8;
        header.CopyTo(bytes);
        for (var at = header.Length; at + line.Length <= bytes.Length; at += line.Length) line.CopyTo(bytes, at);

        var result = AssertWellBehaved(bytes, SeedFiles.Stamp + ".log.txt");

        Assert.True(result.Ok, result.Error);
        Assert.Contains(result.Meeting!.Warnings, w => w.Contains("end", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Fifty_megabytes_of_broken_html_never_hang()
    {
        var chunk = "<li><b class=\"TOPIC\">x<ol><span class=\"details\">(<a href='#l-"u8.ToArray();
        var bytes = new byte[50 * 1024 * 1024];
        for (var at = 0; at + chunk.Length <= bytes.Length; at += chunk.Length) chunk.CopyTo(bytes, at);

        AssertWellBehaved(bytes, SeedFiles.Stamp + ".html");
        AssertWellBehaved(bytes, SeedFiles.Stamp + ".log.html");
    }

    [Fact]
    public void Files_above_the_size_limit_are_refused_with_a_reason()
    {
        var result = MeetbotReader.Read(new byte[MeetbotReader.MaxFileBytes + 1], SeedFiles.Stamp + ".log.txt");

        Assert.False(result.Ok);
        Assert.Contains("limit", result.Error, StringComparison.Ordinal);
    }

    private static ReadResult AssertWellBehaved(byte[] bytes, string fileName)
    {
        var task = Task.Run(() => MeetbotReader.Read(bytes, fileName), TestContext.Current.CancellationToken);
        Assert.True(task.Wait(HangGuard, TestContext.Current.CancellationToken), $"{fileName}: reader did not return within {HangGuard}");
        var result = task.Result;
        if (result.Ok)
        {
            Assert.NotNull(result.Meeting);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
            Assert.DoesNotContain("internal reader error", result.Error, StringComparison.Ordinal);
        }

        return result;
    }

    private static byte[] Mutate(byte[] source, int mutations, Random rng)
    {
        var bytes = new List<byte>(source);
        for (var i = 0; i < mutations && bytes.Count > 0; i++)
        {
            var at = rng.Next(bytes.Count);
            var len = Math.Min(bytes.Count - at, rng.Next(1, 40));
            switch (rng.Next(5))
            {
                case 0: bytes[at] = (byte)rng.Next(256); break;
                case 1: bytes.RemoveRange(at, len); break;
                case 2: bytes.InsertRange(at, bytes.GetRange(at, len)); break;
                case 3: bytes.InsertRange(at, Enumerable.Range(0, len).Select(_ => (byte)rng.Next(256))); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }
}
