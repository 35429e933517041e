using System.Globalization;
using System.IO.Enumeration;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// A source's include/exclude patterns and start date, applied while walking (so excluded channels and older
/// folders are never listed) and to each file.
/// </summary>
public sealed class SourceFilter(IReadOnlyList<string> include, IReadOnlyList<string> exclude, DateOnly? since)
{
    public static readonly SourceFilter All = new([], [], null);

    public static SourceFilter From(SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SourceFilter(options.Include, options.Exclude, options.Since);
    }

    /// <summary>
    /// Whether to walk into a folder. <paramref name="folderPath"/> is relative to the source root (<c>a/b</c> or
    /// <c>a/b/</c>): its first segment is the channel (or meeting) folder, dated segments are checked against the start date.
    /// </summary>
    public bool AllowsFolder(string folderPath)
    {
        ArgumentNullException.ThrowIfNull(folderPath);
        var segments = folderPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return true;
        if (Matches(exclude, segments[0])) return false;
        return since is not { } start || segments.All(s => !IsBefore(s, start));
    }

    /// <summary>Whether a meetbot file (relative path) is harvested.</summary>
    public bool AllowsFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var channel = slash > 0 ? path[..slash] : null;
        if (slash > 0 && !AllowsFolder(path[..path.LastIndexOf('/')])) return false;
        var name = MeetingFileName.TryParse(path);
        if (name is null) return false;
        if (since is { } start && name.Date < start) return false;
        if (Matches(exclude, name.Name)) return false;
        return include.Count == 0 || Matches(include, name.Name) || (channel is not null && Matches(include, channel));
    }

    private static bool Matches(IReadOnlyList<string> patterns, string name)
        => patterns.Any(p => FileSystemName.MatchesSimpleExpression(p, name, ignoreCase: true));

    private static bool IsBefore(string segment, DateOnly start)
    {
        if (segment.Length == 4 && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return year < start.Year;
        }

        return segment.Length == 10
            && DateOnly.TryParseExact(segment, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day < start;
    }
}
