using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// For one meeting: fetches the files that may have changed (conditionally), decides whether the meeting must be read
/// again, and reads it from its source of truth (the raw log; minutes when the log is missing or unreadable), and finds
/// the projects it mentions. Runs in parallel; touches the database only to read stored bodies.
/// </summary>
internal sealed class MeetingPreparer(
    IMeetbotSource source,
    IDbContextFactory<TrackerDb> dbFactory,
    IReadOnlyDictionary<string, SourceEntry> entries,
    IReadOnlyDictionary<string, StoredFile> stored,
    int parserVersion,
    Projects.TeamRules? references)
{
    /// <param name="reread">Read the meeting even if no file changed (it was stored before one of its bots was known).</param>
    public async Task<PreparedMeeting> PrepareAsync(MeetingFileGroup group, bool reread, CancellationToken cancellationToken)
    {
        var fetched = new List<NewContent>();
        var failures = new List<SourceFailure>();
        var needsRead = reread;
        foreach (var path in group.Files.Values)
        {
            var old = stored.GetValueOrDefault(path);
            needsRead |= old is null || old.ParserVersion < parserVersion;
            if (!entries.TryGetValue(path, out var entry) || (old is not null && entry.ListingUnchanged))
            {
                continue;
            }

            try
            {
                var result = await source.FetchAsync(entry, old?.Validators, cancellationToken);
                if (result.NotModified) continue;
                var sha = FileContent.Sha256(result.Content);
                var changed = old is null || !string.Equals(old.Sha256, sha, StringComparison.Ordinal);
                needsRead |= changed;
                fetched.Add(new NewContent(path, result.Content!, sha, result.ETag, result.LastModified ?? entry.LastModified, changed, old?.Id));
            }
            catch (SourceException e)
            {
                failures.Add(new SourceFailure(path, e.Message));
            }
        }

        if (!needsRead)
        {
            // Only validators moved (a touched file, a new ETag): store them, read nothing.
            return new PreparedMeeting(group, fetched, failures, null, false);
        }

        ParsedMeeting? parsed = null;
        foreach (var path in group.ReadingOrder)
        {
            var bytes = fetched.Find(f => string.Equals(f.Path, path, StringComparison.Ordinal))?.Raw
                ?? await LoadStoredAsync(path, cancellationToken);
            if (bytes is null) continue;
            var read = MeetbotReader.Read(bytes, path);
            if (read.Ok)
            {
                parsed = read.Meeting;
                break;
            }

            failures.Add(new SourceFailure(path, read.Error!));
        }

        if (parsed is not null && failures.Count > 0)
        {
            parsed = parsed with { Warnings = [.. parsed.Warnings, .. failures.Select(f => $"{f.Path}: {f.Reason}")] };
        }

        var existing = group.Files.Values.Select(p => stored.GetValueOrDefault(p)?.MeetingId).FirstOrDefault(id => id is not null);
        var (found, stamp) = parsed is not null && references is not null ? references.Find(parsed, group.Name.Name) : (null, null);
        return new PreparedMeeting(group, fetched, failures, parsed, true) { ExistingMeetingId = existing, References = found, ReferencesStamp = stamp };
    }

    private async Task<byte[]?> LoadStoredAsync(string path, CancellationToken cancellationToken)
    {
        if (!stored.TryGetValue(path, out var old)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var content = await db.Files.Where(f => f.Id == old.Id).Select(f => f.Content).SingleAsync(cancellationToken);
        return FileContent.Decompress(content);
    }
}
