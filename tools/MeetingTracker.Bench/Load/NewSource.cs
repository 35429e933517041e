using System.Globalization;
using MeetingTracker.LogGen.Generation;

namespace MeetingTracker.Bench.Load;

/// <summary>
/// The source the host harvests under load: 2,000 meetings (8 teams × 250 weeks) in the Debian layout, not the
/// corpus's Fedora one, generated once into the work folder (kept between runs) and copied in for each run.
/// </summary>
public static class NewSource
{
    public const int Teams = 8;
    public const int Weeks = 250;

    /// <summary>The generated tree under <paramref name="work"/>, written unless a finished one is there.</summary>
    public static (string Tree, int Meetings) Prepare(string work, CancellationToken cancellationToken)
    {
        var tree = Path.Combine(work, "load-new-tree");
        var marker = Path.Combine(work, "load-new-tree.ok");
        if (Directory.Exists(tree) && File.Exists(marker))
        {
            return (tree, int.Parse(File.ReadAllText(marker).Trim(), CultureInfo.InvariantCulture));
        }

        if (Directory.Exists(tree)) Directory.Delete(tree, recursive: true);
        var written = ServerGenerator.WriteTo(
            tree,
            new GeneratorOptions { Layout = ServerLayout.Debian, Teams = Teams, Weeks = Weeks, Seed = 1414, Start = new DateOnly(2021, 1, 4) },
            cancellationToken);
        File.WriteAllText(marker, written.Meetings.ToString(CultureInfo.InvariantCulture));
        return (tree, written.Meetings);
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
