using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Meetings;

/// <summary>
/// The files a meeting was harvested from, as its source publishes them: links under an http(s) source's URL, bare
/// relative paths for a folder source. Only files the harvester actually fetched are listed.
/// </summary>
public static class SourceFiles
{
    // MeetBot's own order on its minutes page: minutes, text minutes, log, text log; others after.
    private static readonly string[] Order = [".html", ".txt", ".log.html", ".log.txt"];

    public static async Task<(string SourceName, bool IsHttp, IReadOnlyList<SourceFile> Files)> ListAsync(
        TrackerDb db, MeetingHeader meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meeting);
        var rows = await (
                from f in db.Files.AsNoTracking()
                where f.MeetingId == meeting.Id
                join s in db.Sources on f.SourceId equals s.Id
                select new { f.Path, s.Name, s.Location })
            .ToListAsync(cancellationToken);
        var source = rows.Count > 0
            ? new { rows[0].Name, rows[0].Location }
            : await db.Sources.AsNoTracking().Where(s => s.Id == meeting.SourceId).Select(s => new { s.Name, s.Location }).SingleAsync(cancellationToken);
        var paths = rows.ConvertAll(r => r.Path);
        var isHttp = SafeLinks.IsSafe(source.Location) && source.Location.StartsWith("http", StringComparison.OrdinalIgnoreCase);
        var files = paths
            .Select(p => new SourceFile(p, p[(p.LastIndexOf('/') + 1)..], isHttp ? Url(source.Location, p) : null))
            .OrderBy(f => Rank(f.Name, meeting.MeetingKey)).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        return (source.Name, isHttp, files);
    }

    /// <summary>The URL of <paramref name="path"/> (relative, <c>/</c>-separated) under an http(s) source location.</summary>
    public static string Url(string location, string path)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(path);
        var root = new Uri(location.EndsWith('/') ? location : location + "/");
        return new Uri(root, string.Join('/', path.Split('/').Select(Uri.EscapeDataString))).AbsoluteUri;
    }

    private static int Rank(string name, string meetingKey)
    {
        var suffix = name.StartsWith(meetingKey, StringComparison.Ordinal) ? name[meetingKey.Length..] : name;
        var rank = Array.FindIndex(Order, o => string.Equals(o, suffix, StringComparison.OrdinalIgnoreCase));
        return rank < 0 ? Order.Length : rank;
    }
}
