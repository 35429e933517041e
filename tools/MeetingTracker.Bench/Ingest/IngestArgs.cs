using System.Globalization;

namespace MeetingTracker.Bench.Ingest;

/// <summary>
/// <c>ingest [--meetings N] [--work DIR] [--keep] [--runs N]</c>. <see cref="Runs"/> repeats the long imports;
/// the short re-harvests and the sqlite3 baseline run at least three times.
/// </summary>
public sealed record IngestArgs(int Meetings, string? Work, bool Keep, int Runs)
{
    public const string Usage = "usage: MeetingTracker.Bench ingest [--meetings N (10000)] [--work DIR] [--keep] [--runs N (1)]";

    public int ShortRuns => Math.Max(Runs, 3);

    public static IngestArgs? Parse(IReadOnlyList<string> args)
    {
        var result = new IngestArgs(10_000, null, false, 1);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--meetings" when i + 1 < args.Count && PositiveInt(args[++i]) is { } m:
                    result = result with { Meetings = m };
                    break;
                case "--runs" when i + 1 < args.Count && PositiveInt(args[++i]) is { } r:
                    result = result with { Runs = r };
                    break;
                case "--work" when i + 1 < args.Count:
                    result = result with { Work = Path.GetFullPath(args[++i]) };
                    break;
                case "--keep":
                    result = result with { Keep = true };
                    break;
                default:
                    return null;
            }
        }

        return result;
    }

    private static int? PositiveInt(string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
