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
        db.FileOutcomes.AddRange(Outcomes(failures));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<MeetingOutcome> WriteAsync(PreparedMeeting prepared, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await WriteOneAsync(prepared, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another source's harvest may have added the same nick or team meanwhile: read the alias tables again
            // and write the meeting once more; a second failure is recorded as this meeting's.
            await ReloadDirectoriesAsync(cancellationToken);
            try
            {
                return await WriteOneAsync(prepared, cancellationToken);
            }
            catch (DbUpdateException e)
            {
                await ReloadDirectoriesAsync(cancellationToken);
                var reason = $"could not store the meeting: {e.InnerException?.Message ?? e.Message}";
                await RecordFailuresAsync([new SourceFailure(prepared.Group.SourceOfTruth, reason)], cancellationToken);
                return MeetingOutcome.Failed;
            }
        }
        catch
        {
            // Rolled back (cancelled, or the run fails): people and teams it added were never saved.
            people.Discard();
            teams.Discard();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private IEnumerable<HarvestFileOutcome> Outcomes(IEnumerable<SourceFailure> failures)
        => failures.Select(f => new HarvestFileOutcome { RunId = runId, Path = f.Path, Reason = f.Reason });

    private async Task ReloadDirectoriesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await people.ReloadAsync(db, cancellationToken);
        await teams.ReloadAsync(db, cancellationToken);
    }

    private async Task<MeetingOutcome> WriteOneAsync(PreparedMeeting prepared, CancellationToken cancellationToken)
    {
        var group = prepared.Group;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        Meeting? meeting = null;
        IReadOnlyList<LogLineRow> lines = [];
        var isNew = false;
        if (prepared.Parsed is { } parsed)
        {
            if (prepared.ExistingMeetingId is { } id)
            {
                meeting = await db.Meetings.Include(m => m.Items).ThenInclude(i => i.Owners).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
            }

            isNew = meeting is null;
            meeting ??= new Meeting { SourceId = sourceId, Folder = group.Folder.Replace('\\', '/'), MeetingKey = group.MeetingKey, Dialect = string.Empty, ReadFrom = string.Empty };
            writer.AddNewPeopleAndTeam(db, meeting, parsed, group.Name);
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(cancellationToken);
            lines = writer.Apply(db, meeting, parsed, group.Name, parserVersion);
            if (isNew) db.Meetings.Add(meeting);
        }

        var added = await StoreFilesAsync(db, prepared, meeting, cancellationToken);
        db.FileOutcomes.AddRange(Outcomes(prepared.Failures));
        await db.SaveChangesAsync(cancellationToken);
        if (meeting is not null)
        {
            foreach (var line in lines) line.MeetingId = meeting.Id;
            await LineBulkInsert.InsertAsync(db, lines, cancellationToken);
        }

        await MarkReadAsync(db, prepared, added, meeting?.Id, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        people.Commit();
        teams.Commit();

        if (prepared.Parsed is null) return prepared.Failures.Count > 0 ? MeetingOutcome.Failed : MeetingOutcome.Unchanged;
        return isNew ? MeetingOutcome.New : MeetingOutcome.Updated;
    }

    /// <summary>Adds new files (read marks included) and updates changed ones; returns the paths it added.</summary>
    private async Task<HashSet<string>> StoreFilesAsync(TrackerDb db, PreparedMeeting prepared, Meeting? meeting, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in prepared.Fetched)
        {
            if (f.StoredId is { } id)
            {
                if (f.ContentChanged)
                {
                    var content = f.Compressed;
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
                added.Add(f.Path);
                db.Files.Add(new FetchedFile
                {
                    SourceId = sourceId, Path = f.Path, Length = f.Raw.LongLength, LastModified = f.LastModified, ETag = f.ETag,
                    Sha256 = f.Sha256, Content = f.Compressed, FetchedAt = now,
                    Meeting = meeting, ParserVersion = prepared.NeedsRead ? parserVersion : 0, Error = prepared.ReadError,
                });
            }
        }

        return added;
    }

    /// <summary>Marks the group's stored files as read by this parser version, into this meeting (or failed, with why).</summary>
    private async Task MarkReadAsync(TrackerDb db, PreparedMeeting prepared, HashSet<string> added, int? meetingId, CancellationToken cancellationToken)
    {
        if (!prepared.NeedsRead) return;
        var paths = prepared.Group.Files.Values.Where(p => !added.Contains(p)).ToList();
        if (paths.Count == 0) return;
        var error = prepared.ReadError;
        await db.Files.Where(x => x.SourceId == sourceId && paths.Contains(x.Path)).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.ParserVersion, parserVersion).SetProperty(x => x.MeetingId, x => meetingId ?? x.MeetingId).SetProperty(x => x.Error, error),
            cancellationToken);
    }
}
