using MeetingTracker.Core.Meetbot;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Bench.Ingest;

/// <summary>
/// A generated Fedora-layout server and what it holds. <see cref="LogLines"/> counts the lines of the
/// <c>.log.txt</c> files of real meetings (rename stubs left out, as the harvester leaves them out); <see cref="Files"/>
/// and <see cref="Bytes"/> count every file written, stubs included.
/// </summary>
public sealed record BenchServer(string Root, int Teams, int Weeks, int Meetings, int RenameStubs, int Files, long Bytes, IReadOnlyList<MeetingFileGroup> Groups, long LogLines)
{
    public double MiB => Bytes / 1_048_576.0;

    /// <summary>40 teams × 250 weeks for 10,000 meetings; about 250 weeks a team otherwise.</summary>
    public static (int Teams, int Weeks) Scale(int meetings)
    {
        var teams = Math.Max(1, (int)Math.Round(meetings / 250.0));
        return (teams, (meetings + teams - 1) / teams);
    }

    public static BenchServer Generate(string root, int meetings, CancellationToken cancellationToken)
    {
        var (teams, weeks) = Scale(meetings);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        var written = ServerGenerator.WriteTo(root, new GeneratorOptions { Layout = ServerLayout.Fedora, Teams = teams, Weeks = weeks, Seed = 42 }, cancellationToken);
        var groups = GroupsOf(root);
        long lines = 0;
        foreach (var group in groups)
        {
            if (group.Files.TryGetValue(MeetbotFormat.LogTxt, out var log)) lines += CountLines(File.ReadAllBytes(Path.Combine(root, log)));
        }

        if (groups.Count != written.Meetings) throw new InvalidDataException($"{written.Meetings} meetings written, {groups.Count} found");
        return new BenchServer(root, teams, weeks, written.Meetings, written.RenameStubs, written.Files, written.Bytes, groups, lines);
    }

    /// <summary>The meetings of a tree, as the harvester groups its files.</summary>
    public static IReadOnlyList<MeetingFileGroup> GroupsOf(string root)
        => MeetingFileGroup.Group(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')), out _);

    /// <summary>Line feeds, plus a last line without one.</summary>
    public static int CountLines(ReadOnlySpan<byte> bytes)
        => bytes.Count((byte)'\n') + (bytes.Length > 0 && bytes[^1] != (byte)'\n' ? 1 : 0);
}
