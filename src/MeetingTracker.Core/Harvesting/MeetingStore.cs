using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// Writes prepared meetings, one transaction each and one at a time (SQLite has one writer): the meeting's rows, its
/// files' bodies and read marks, and the run's outcomes for its files either all land or none do.
/// </summary>
internal sealed class MeetingStore : IDisposable
{
    private readonly IDbContextFactory<TrackerDb> dbFactory;
    private readonly int sourceId;
    private readonly int runId;
    private readonly int parserVersion;
    private readonly TimeProvider clock;
    private readonly PeopleDirectory people;
    private readonly TeamsDirectory teams;
    private readonly MeetingWriter writer;
    private readonly SemaphoreSlim gate = new(1, 1);

    private MeetingStore(IDbContextFactory<TrackerDb> dbFactory, int sourceId, int runId, int parserVersion, TimeProvider clock, PeopleDirectory people, TeamsDirectory teams)
    {
        (this.dbFactory, this.sourceId, this.runId, this.parserVersion, this.clock, this.people, this.teams) = (dbFactory, sourceId, runId, parserVersion, clock, people, teams);
        writer = new MeetingWriter(people, teams, clock);
    }

    public static async Task<MeetingStore> OpenAsync(IDbContextFactory<TrackerDb> dbFactory, int sourceId, int runId, int parserVersion, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await PeopleDirectory.LoadAsync(db, cancellationToken);
        var teams = await TeamsDirectory.LoadAsync(db, cancellationToken);
        return new MeetingStore(dbFactory, sourceId, runId, parserVersion, clock, people, teams);
    }

    public void Dispose() => gate.Dispose();

    public async Task RecordFailuresAsync(IEnumerable<SourceFailure> failures, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.FileOutcomes.AddRange(failures.Select(f => new HarvestFileOutcome { RunId = runId, Path = f.Path, Reason = f.Reason }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<MeetingOutcome> WriteAsync(PreparedMeeting prepared, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await WriteOneAsync(prepared, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another source's harvest may have added the same nick or team meanwhile: start from the database again.
            people.Discard();
            teams.Discard();
            var reason = $"could not store the meeting: {e.InnerException?.Message ?? e.Message}";
            await RecordFailuresAsync([new SourceFailure(prepared.Group.SourceOfTruth, reason)], cancellationToken);
            return MeetingOutcome.Failed;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<MeetingOutcome> WriteOneAsync(PreparedMeeting prepared, CancellationToken cancellationToken)
    {
        var group = prepared.Group;
        var folder = group.Folder.Replace('\\', '/');
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = prepared.Parsed is null ? null : await db.Meetings
            .Include(m => m.Items).ThenInclude(i => i.Owners)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.SourceId == sourceId && m.Folder == folder && m.MeetingKey == group.MeetingKey, cancellationToken);
        var isNew = meeting is null;
        if (prepared.Parsed is { } parsed)
        {
            meeting ??= new Meeting { SourceId = sourceId, Folder = folder, MeetingKey = group.MeetingKey, Dialect = string.Empty, ReadFrom = string.Empty };
            writer.AddNewPeopleAndTeam(db, meeting, parsed, group.Name);
            await db.SaveChangesAsync(cancellationToken);
            writer.Apply(db, meeting, parsed, group.Name, parserVersion);
            if (isNew) db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
        }

        await StoreFilesAsync(db, prepared, meeting?.Id, cancellationToken);
        db.FileOutcomes.AddRange(prepared.Failures.Select(f => new HarvestFileOutcome { RunId = runId, Path = f.Path, Reason = f.Reason }));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        people.Commit();
        teams.Commit();

        if (prepared.Parsed is null) return prepared.Failures.Count > 0 ? MeetingOutcome.Failed : MeetingOutcome.Unchanged;
        return isNew ? MeetingOutcome.New : MeetingOutcome.Updated;
    }

    private async Task StoreFilesAsync(TrackerDb db, PreparedMeeting prepared, int? meetingId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paths = prepared.Group.Files.Values.ToList();
        var existing = await db.Files.Where(f => f.SourceId == sourceId && paths.Contains(f.Path))
            .Select(f => new { f.Id, f.Path }).ToDictionaryAsync(f => f.Path, f => f.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var f in prepared.Fetched)
        {
            if (existing.TryGetValue(f.Path, out var id))
            {
                if (f.ContentChanged)
                {
                    var content = FileContent.Compress(f.Raw);
                    await db.Files.Where(x => x.Id == id).ExecuteUpdateAsync(
                        s => s.SetProperty(x => x.Content, content).SetProperty(x => x.Sha256, f.Sha256).SetProperty(x => x.FetchedAt, now),
                        cancellationToken);
                }

                await db.Files.Where(x => x.Id == id).ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.Length, f.Raw.LongLength).SetProperty(x => x.ETag, f.ETag).SetProperty(x => x.LastModified, f.LastModified),
                    cancellationToken);
            }
            else
            {
                db.Files.Add(new FetchedFile
                {
                    SourceId = sourceId, Path = f.Path, Length = f.Raw.LongLength, LastModified = f.LastModified, ETag = f.ETag,
                    Sha256 = f.Sha256, Content = FileContent.Compress(f.Raw), FetchedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!prepared.NeedsRead) return;

        var error = prepared.Parsed is null ? string.Join("; ", prepared.Failures.Select(f => f.Reason)) : null;
        await db.Files.Where(x => x.SourceId == sourceId && paths.Contains(x.Path)).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.ParserVersion, parserVersion).SetProperty(x => x.MeetingId, x => meetingId ?? x.MeetingId).SetProperty(x => x.Error, error),
            cancellationToken);
    }
}
