using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Projects;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// Writes prepared meetings, a few per transaction and one transaction at a time (SQLite has one writer): a meeting's
/// rows, its files' bodies and read marks, and the run's outcomes for its files either all land or none do. A meeting's
/// bots (its log's and the source's) are left out of people; the bots its log shows are remembered for the source, and
/// what an earlier read stored for them as a person is removed in the same transaction (ADR 12). Each transaction
/// ends by giving the meetings it changed their change number (ADR 19), which the search index follows.
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
    private readonly SourceBotSet bots;

    // Bot nicks whose stored person this run already dealt with (removed, or kept for another source).
    private readonly HashSet<string> botsDone = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim gate = new(1, 1);

    private MeetingStore(IDbContextFactory<TrackerDb> dbFactory, int sourceId, int runId, int parserVersion, TimeProvider clock, PeopleDirectory people, TeamsDirectory teams, SourceBotSet bots)
    {
        (this.dbFactory, this.sourceId, this.runId, this.parserVersion, this.clock, this.people, this.teams, this.bots) = (dbFactory, sourceId, runId, parserVersion, clock, people, teams, bots);
        writer = new MeetingWriter(people, teams, clock);
    }

    public static async Task<MeetingStore> OpenAsync(IDbContextFactory<TrackerDb> dbFactory, int sourceId, int runId, int parserVersion, TimeProvider clock, SourceBotSet bots, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await PeopleDirectory.LoadAsync(db, cancellationToken);
        var teams = await TeamsDirectory.LoadAsync(db, cancellationToken);
        return new MeetingStore(dbFactory, sourceId, runId, parserVersion, clock, people, teams, bots);
    }

    public void Dispose() => gate.Dispose();

    public async Task RecordFailuresAsync(IEnumerable<SourceFailure> failures, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.FileOutcomes.AddRange(Outcomes(failures));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Writes a few meetings in one short transaction (SQLite's commit, not the rows, is most of a small write); if any
    /// of them fails to store, the transaction is rolled back and each is written alone, so one bad meeting costs only
    /// itself. Returns each meeting's outcome, in order, and the meetings written (for the search index to follow).
    /// </summary>
    public async Task<(MeetingOutcome[] Outcomes, List<WrittenMeeting> Written)> WriteBatchAsync(IReadOnlyList<PreparedMeeting> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (batch.Count > 1)
            {
                try
                {
                    var written = new List<WrittenMeeting>(batch.Count);
                    var outcomes = await WriteInOneTransactionAsync(batch, written, cancellationToken);
                    return (outcomes, written);
                }
                catch (DbUpdateException)
                {
                    // Rolled back (and the directories with it): written alone below, with the one-meeting retry
                    // and failure record.
                }
            }

            var each = new MeetingOutcome[batch.Count];
            var alone = new List<WrittenMeeting>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                each[i] = await WriteAloneAsync(batch[i], alone, cancellationToken);
            }

            return (each, alone);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<MeetingOutcome> WriteAloneAsync(PreparedMeeting prepared, List<WrittenMeeting> written, CancellationToken cancellationToken)
    {
        try
        {
            return (await WriteInOneTransactionAsync([prepared], written, cancellationToken))[0];
        }
        catch (DbUpdateException)
        {
            // Another source's harvest may have added the same nick or team meanwhile: read the alias tables again
            // and write the meeting once more; a second failure is recorded as this meeting's.
            await ReloadDirectoriesAsync(cancellationToken);
            try
            {
                return (await WriteInOneTransactionAsync([prepared], written, cancellationToken))[0];
            }
            catch (DbUpdateException e)
            {
                await ReloadDirectoriesAsync(cancellationToken);
                var reason = $"could not store the meeting: {e.InnerException?.Message ?? e.Message}";
                await RecordFailuresAsync([new SourceFailure(prepared.Group.SourceOfTruth, reason)], cancellationToken);
                return MeetingOutcome.Failed;
            }
        }
    }

    private async Task<MeetingOutcome[]> WriteInOneTransactionAsync(IReadOnlyList<PreparedMeeting> batch, List<WrittenMeeting> written, CancellationToken cancellationToken)
    {
        var steps = new MeetingStep[batch.Count];
        List<string> botsHandled = [];
        var change = 0L;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

            // Our own transaction is the unit: EF's savepoint around each SaveChanges would only cost statements.
            db.Database.AutoSavepointsEnabled = false;

            // Only stored meetings being read again are tracked; changes are detected once, before their save.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // One harvest writer at a time across sources and nodes, as SQLite has by nature: the people and teams a
                // batch brings are looked up in directories read before it, and two writers adding the same nick at once
                // failed a meeting twice over (its retry raced the other's commit; the PostgreSQL pass of
                // HarvestFailureTests). Held until this transaction ends.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.Key("write")})", cancellationToken);
            }

            await using var rows = new RowInserts(db);

            // The batch goes through each phase together: first the people, teams and bots it brings (they need
            // ids first), then each meeting's rows, then the lines of all of them.
            for (var i = 0; i < batch.Count; i++) steps[i] = await AddMeetingAsync(db, batch[i], cancellationToken);
            await people.SaveNewAsync(rows, cancellationToken);
            await teams.SaveNewAsync(rows, cancellationToken);
            await bots.SaveNewAsync(rows, cancellationToken);
            foreach (var step in steps) await AddRowsAsync(db, rows, step, cancellationToken);
            db.ChangeTracker.DetectChanges();
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(cancellationToken);
            var lines = new List<LogLineRow>();
            foreach (var step in steps.Where(s => s.Meeting is not null))
            {
                foreach (var line in step.Lines) line.MeetingId = step.Meeting!.Id;
                lines.AddRange(step.Lines);
            }

            await LineBulkInsert.InsertAsync(db, lines, cancellationToken);
            foreach (var step in steps.Where(s => s.Meeting is not null))
            {
                foreach (var mention in step.Mentions) mention.MeetingId = step.Meeting!.Id;
                await rows.InsertAllAsync(step.Mentions, cancellationToken);
            }

            foreach (var step in steps)
            {
                if (step.Meeting is not null) botsHandled.AddRange(await RemoveBotPeopleAsync(db, step.Bots, botsHandled, cancellationToken));
                await MarkReadAsync(db, step.Prepared, step.Added, step.Meeting?.Id, cancellationToken);
            }

            // Last, just before the commit (the counter stays locked until then): these meetings, and those whose
            // rows a bot's removal changed, take the next change number.
            var changed = steps.Where(s => s.Meeting is not null).Select(s => s.Meeting!.Id).ToHashSet();
            if (botsHandled.Count > 0) changed.UnionWith(await MeetingsSayingAsync(db, botsHandled, cancellationToken));
            if (changed.Count > 0) change = await ChangeNumbers.StampAsync(db, changed, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch
        {
            // Rolled back (a failed write, cancelled, or the run fails): people, teams and bots it added were never saved.
            people.Discard();
            teams.Discard();
            bots.Discard();
            throw;
        }

        people.Commit();
        teams.Commit();
        bots.Commit();
        botsDone.UnionWith(botsHandled);
        written.AddRange(steps.Where(s => s.Meeting is not null).Select(s => new WrittenMeeting(s.Meeting!.Id, change, s.Lines)));
        return [.. steps.Select(s => s.Outcome)];
    }

    private IEnumerable<HarvestFileOutcome> Outcomes(IEnumerable<SourceFailure> failures)
        => failures.Select(f => new HarvestFileOutcome { RunId = runId, Path = f.Path, Reason = f.Reason });

    private async Task ReloadDirectoriesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await people.ReloadAsync(db, cancellationToken);
        await teams.ReloadAsync(db, cancellationToken);
        bots.Discard();
    }

    /// <summary>First phase: the meeting (stored and tracked, or new), its bots, and the people and team it brings (not saved yet).</summary>
    private async Task<MeetingStep> AddMeetingAsync(TrackerDb db, PreparedMeeting prepared, CancellationToken cancellationToken)
    {
        var step = new MeetingStep(prepared);
        if (prepared.Parsed is not { } parsed) return step;
        var group = prepared.Group;
        step.Bots = bots.Of(parsed);
        bots.Learn(parsed);
        if (prepared.ExistingMeetingId is { } id)
        {
            step.Meeting = await db.Meetings.Include(m => m.Items).ThenInclude(i => i.Owners).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        }

        step.IsNew = step.Meeting is null;
        step.Meeting ??= new Meeting { SourceId = sourceId, Folder = group.Folder.Replace('\\', '/'), MeetingKey = group.MeetingKey, Dialect = string.Empty, ReadFrom = string.Empty };
        writer.AddNewPeopleAndTeam(parsed, group.Name, step.Bots);
        return step;
    }

    /// <summary>
    /// Second phase, once people and teams have ids: the meeting's rows, its files and the run's outcomes for them. A new
    /// meeting is inserted through prepared commands (<see cref="RowInserts"/>), without the change tracker, which cost
    /// most of the writer's time; a stored one read again is tracked (its items are matched and updated) and saved by
    /// the caller.
    /// </summary>
    private async Task AddRowsAsync(TrackerDb db, RowInserts rows, MeetingStep step, CancellationToken cancellationToken)
    {
        var prepared = step.Prepared;
        if (prepared.Parsed is { } parsed)
        {
            var meeting = step.Meeting!;
            step.Lines = writer.Apply(db, meeting, parsed, prepared.Group.Name, parserVersion, step.Bots);
            FindMentions(step, parsed);
            if (!step.IsNew) await db.Mentions.Where(m => m.MeetingId == meeting.Id).ExecuteDeleteAsync(cancellationToken);
            if (step.IsNew)
            {
                await rows.InsertAsync(meeting, readKey: true, cancellationToken);
                foreach (var topic in meeting.Topics) topic.MeetingId = meeting.Id;
                foreach (var item in meeting.Items) item.MeetingId = meeting.Id;
                foreach (var attendance in meeting.Attendance) attendance.MeetingId = meeting.Id;
                await rows.InsertAllAsync(meeting.Topics, cancellationToken);
                await rows.InsertAllAsync(meeting.Items, cancellationToken);
                await rows.InsertAllAsync(meeting.Attendance, cancellationToken);
            }
        }

        step.Added = await StoreFilesAsync(db, rows, prepared, step.Meeting?.Id, cancellationToken);
        await rows.InsertAllAsync(Outcomes(prepared.Failures), cancellationToken);
    }

    /// <summary>
    /// The rows of the projects the workers found the meeting mentions (ADR 18), with the stamp of the rules they were
    /// found under: the lines in order, then the items whose line is not in the log, by their place in the minutes.
    /// </summary>
    private static void FindMentions(MeetingStep step, Meetbot.ParsedMeeting parsed)
    {
        var meeting = step.Meeting!;
        meeting.ReferencesStamp = step.Prepared.ReferencesStamp;
        if (step.Prepared.References is not { } found) return;
        var lines = step.Lines.Select(l => l.Number).ToHashSet();
        var unlined = parsed.Items.Select((item, ordinal) => (item.Line, ordinal)).Where(x => MeetingMentions.Unlined(x.Line, lines))
            .Select(x => meeting.Items.First(i => i.RemovedAt is null && i.Ordinal == x.ordinal).Number).ToList();
        step.Mentions = MeetingMentions.Rows(found, meeting.Id, [.. step.Lines.Select(l => l.Number)], unlined);
    }

    /// <summary>One meeting of a batch on its way through the phases of <see cref="WriteInOneTransactionAsync"/>.</summary>
    private sealed class MeetingStep(PreparedMeeting prepared)
    {
        public PreparedMeeting Prepared { get; } = prepared;

        public Meeting? Meeting { get; set; }

        public bool IsNew { get; set; }

        public IReadOnlySet<string> Bots { get; set; } = new HashSet<string>();

        public IReadOnlyList<LogLineRow> Lines { get; set; } = [];

        public List<ProjectMention> Mentions { get; set; } = [];

        public HashSet<string> Added { get; set; } = [];

        public MeetingOutcome Outcome => Prepared.Parsed is null
            ? (Prepared.Failures.Count > 0 ? MeetingOutcome.Failed : MeetingOutcome.Unchanged)
            : (IsNew ? MeetingOutcome.New : MeetingOutcome.Updated);
    }

    // The meetings whose lines or items carry one of these nicks (a bot's removal took their person away).
    private static async Task<List<int>> MeetingsSayingAsync(TrackerDb db, List<string> nicks, CancellationToken cancellationToken)
    {
        var lower = nicks.Select(n => n.ToLowerInvariant()).ToList();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() is translated to SQL lower() on every provider; IRC nicks are ASCII.
        return await db.Lines.Where(l => lower.Contains(l.Nick.ToLower())).Select(l => l.MeetingId)
            .Union(db.Items.Where(i => lower.Contains(i.Nick.ToLower())).Select(i => i.MeetingId)).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }

    // After the meeting's own rows are saved (its tracked owners must not be deleted under the change tracker).
    private async Task<List<string>> RemoveBotPeopleAsync(TrackerDb db, IReadOnlySet<string> meetingBots, List<string> handledInBatch, CancellationToken cancellationToken)
    {
        var handled = meetingBots.Where(n => people.Knows(n) && !botsDone.Contains(n) && !handledInBatch.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var nick in handled)
        {
            if (await BotPeople.RemoveAsync(db, sourceId, nick, clock.GetUtcNow(), cancellationToken)) people.Forget(nick);
        }

        return handled;
    }

    /// <summary>Adds new files (read marks included) and updates changed ones; returns the paths it added.</summary>
    private async Task<HashSet<string>> StoreFilesAsync(TrackerDb db, RowInserts rows, PreparedMeeting prepared, int? meetingId, CancellationToken cancellationToken)
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
                var file = new FetchedFile
                {
                    SourceId = sourceId, Path = f.Path, Length = f.Raw.LongLength, LastModified = f.LastModified, ETag = f.ETag,
                    Sha256 = f.Sha256, Content = f.Compressed, FetchedAt = now,
                    MeetingId = meetingId, ParserVersion = prepared.NeedsRead ? parserVersion : 0, Error = prepared.ReadError,
                };
                await rows.InsertAsync(file, readKey: false, cancellationToken);
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
