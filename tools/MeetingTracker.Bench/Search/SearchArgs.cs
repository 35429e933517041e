using System.Globalization;

namespace MeetingTracker.Bench.Search;

/// <summary>
/// <c>search [--meetings N] [--work DIR] [--keep] [--reuse] [--rounds N] [--grep-rounds N]</c>. <see cref="Reuse"/>
/// keeps a work folder's generated tree and imported database from an earlier <c>--keep</c> run (saves the import;
/// the index is rebuilt).
/// </summary>
public sealed record SearchArgs(int Meetings, string? Work, bool Keep, bool Reuse, int Rounds, int GrepRounds)
{
    public const string Usage = "usage: MeetingTracker.Bench search [--meetings N (10000)] [--work DIR] [--keep] [--reuse (with --work)] [--rounds N (20)] [--grep-rounds N (3)]";

    public static SearchArgs? Parse(IReadOnlyList<string> args)
    {
        var result = new SearchArgs(10_000, null, false, false, 20, 3);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--meetings" when i + 1 < args.Count && PositiveInt(args[++i]) is { } m:
                    result = result with { Meetings = m };
                    break;
                case "--rounds" when i + 1 < args.Count && PositiveInt(args[++i]) is { } r:
                    result = result with { Rounds = r };
                    break;
                case "--grep-rounds" when i + 1 < args.Count && PositiveInt(args[++i]) is { } g:
                    result = result with { GrepRounds = g };
                    break;
                case "--work" when i + 1 < args.Count:
                    result = result with { Work = Path.GetFullPath(args[++i]) };
                    break;
                case "--keep":
                    result = result with { Keep = true };
                    break;
                case "--reuse":
                    result = result with { Reuse = true };
                    break;
                default:
                    return null;
            }
        }

        return result.Reuse && result.Work is null ? null : result;
    }

    private static int? PositiveInt(string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
