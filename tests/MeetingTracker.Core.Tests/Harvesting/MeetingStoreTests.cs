using System.Globalization;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using MeetingTracker.LogGen.Generation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>
/// The harvest's writer (<see cref="MeetingStore"/>): new meetings go through prepared inserts, stored ones read again
/// through the change tracker, and both store the same rows; a batch that fails costs only the meeting that failed.
/// </summary>
public sealed class MeetingStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_meetings_are_stored_as_a_reread_through_the_change_tracker_stores_them()
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 3, Weeks = 5, Seed = 41 });
        await using var host = await HarvestHost.StartAsync(Ct);
        var first = await host.HarvestAsync(FolderHarvestTests.Folder(tree.Root), Ct);
        var inserted = Snapshot(host);

        // A newer parser reads every stored meeting again: the tracked path, whose saves update what differs.
        var again = await host.HarvestAsync(FolderHarvestTests.Folder(tree.Root), Ct, parserVersion: MeetbotReader.Version + 1);
        var saved = Snapshot(host);

        Assert.Equal((tree.Summary.Meetings, 0), (first.New, first.Failed));
        Assert.Equal((tree.Summary.Meetings, 0), (again.Updated, again.Failed));
        foreach (var (table, rows) in inserted)
        {
            Assert.NotEmpty(rows);
            Assert.Equal(rows, saved[table]);
        }
    }

    [Theory]
    [InlineData("Items")]
    [InlineData("Files")]
    [InlineData("LogLines")]
    public async Task A_meeting_refused_by_the_database_in_a_batch_costs_only_itself(string table)
    {
        using var tree = new LogGenTree(new GeneratorOptions { Teams = 1, Weeks = 6, Seed = 42 });
        await using var host = await HarvestHost.StartAsync(Ct);
        var batch = Prepare(tree);
        var refused = batch[1].Group.MeetingKey;
        Execute(host, TestDatabase.IsPostgreSql
            ? $"""
              CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                IF (SELECT "MeetingKey" FROM "Meetings" WHERE "Id" = NEW."MeetingId") = '{refused}' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                RETURN NEW;
              END $$;
              CREATE TRIGGER refuse BEFORE INSERT ON "{table}" FOR EACH ROW EXECUTE FUNCTION refuse();
              """
            : $"""
              CREATE TRIGGER refuse BEFORE INSERT ON "{table}"
              WHEN (SELECT "MeetingKey" FROM "Meetings" WHERE "Id" = NEW."MeetingId") = '{refused}'
              BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
              """);
        using var store = await OpenStoreAsync(host);

        var (outcomes, written) = await store.WriteBatchAsync(batch, Ct);

        // The batch rolled back, people and teams it added forgotten with it: the others stored alone, whole.
        Assert.Equal([MeetingOutcome.New, MeetingOutcome.Failed, MeetingOutcome.New, MeetingOutcome.New], outcomes);
        await using (var db = host.Db())
        {
            var stored = await db.Meetings.OrderBy(m => m.Id).Select(m => new { m.Id, m.MeetingKey, m.Change }).ToListAsync(Ct);
            Assert.Equal(batch.Where((_, i) => i != 1).Select(m => m.Group.MeetingKey), stored.Select(m => m.MeetingKey));
            Assert.Equal(stored.Select(m => (m.Id, m.Change)), written.Select(w => (w.MeetingId, w.Change)));

            // Written alone, each in its own transaction: each took the next change number (the rolled-back batch's went back).
            Assert.Equal([ChangeCounter.Start + 1, ChangeCounter.Start + 2, ChangeCounter.Start + 3], stored.Select(m => m.Change));
            Assert.Equal(await db.Lines.CountAsync(Ct), written.Sum(w => w.Lines.Count));
            Assert.Equal(batch.Where((_, i) => i != 1).Sum(m => m.Fetched.Count), await db.Files.CountAsync(Ct));
            var failure = await db.FileOutcomes.SingleAsync(Ct);
            Assert.Equal(batch[1].Group.SourceOfTruth, failure.Path);
            Assert.Contains("refused by the test", failure.Reason, StringComparison.Ordinal);
        }

        // Once allowed, the meeting stores whole, with its people.
        Execute(host, TestDatabase.IsPostgreSql ? $"DROP TRIGGER refuse ON \"{table}\";" : "DROP TRIGGER refuse;");
        var (retried, again) = await store.WriteBatchAsync([batch[1]], Ct);
        Assert.Equal([MeetingOutcome.New], retried);
        await using (var db = host.Db())
        {
            var meeting = await db.Meetings.SingleAsync(m => m.MeetingKey == refused, Ct);
            Assert.Equal(again.Single().MeetingId, meeting.Id);
            Assert.Equal(batch[1].Parsed!.Lines.Count, await db.Lines.CountAsync(l => l.MeetingId == meeting.Id, Ct));
            Assert.True(await db.Lines.CountAsync(l => l.MeetingId == meeting.Id && l.PersonId != null, Ct) > 0);
        }
    }

    /// <summary>The first four meetings of the tree, fetched and read as the harvest's workers prepare them.</summary>
    private static List<PreparedMeeting> Prepare(LogGenTree tree)
    {
        var paths = Directory.EnumerateFiles(tree.Root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(tree.Root, p).Replace('\\', '/'));
        var groups = MeetingFileGroup.Group(paths, out _).Where(g => g.Files.ContainsKey(MeetbotFormat.LogTxt)).OrderBy(g => g.MeetingKey, StringComparer.Ordinal).Take(4).ToList();
        Assert.Equal(4, groups.Count);
        var modified = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        return [.. groups.Select(g =>
        {
            var fetched = g.Files.Values.Select(p =>
            {
                var bytes = File.ReadAllBytes(tree.PathOf(p));
                return new NewContent(p, bytes, FileContent.Sha256(bytes), null, modified, ContentChanged: true, StoredId: null);
            }).ToList();
            var parsed = MeetbotReader.Read(fetched.Single(f => f.Path == g.SourceOfTruth).Raw, g.SourceOfTruth).Meeting!;
            return new PreparedMeeting(g, fetched, [], parsed, NeedsRead: true);
        })];
    }

    private static async Task<MeetingStore> OpenStoreAsync(HarvestHost host)
    {
        int sourceId, runId;
        SourceBotSet bots;
        await using (var db = host.Db())
        {
            var source = new Source { Name = "test", Location = "/nowhere" };
            var run = new HarvestRun { Source = source };
            db.Runs.Add(run);
            await db.SaveChangesAsync(Ct);
            (sourceId, runId) = (source.Id, run.Id);
            bots = await SourceBotSet.LoadAsync(db, sourceId, [], Ct);
        }

        return await MeetingStore.OpenAsync(host.Get<IDbContextFactory<TrackerDb>>(), sourceId, runId, MeetbotReader.Version, host.Clock, bots, Ct);
    }

    private static void Execute(HarvestHost host, string sql)
    {
        using var db = host.Db();
        db.Database.ExecuteSqlRaw(sql);
    }

    /// <summary>The harvested tables, row by row in key order, without what a re-read changes by design.</summary>
    private static Dictionary<string, List<string>> Snapshot(HarvestHost host)
    {
        var queries = new Dictionary<string, (string OrderBy, string[] Ignored)>(StringComparer.Ordinal)
        {
            ["Meetings"] = ("\"Id\"", ["ParserVersion", "Change"]),
            ["Topics"] = ("\"MeetingId\", \"Ordinal\"", ["Id"]),
            ["Items"] = ("\"Id\"", []),
            ["Attendance"] = ("\"MeetingId\", \"Nick\"", []),
            ["LogLines"] = ("\"MeetingId\", \"Number\"", []),
            ["Files"] = ("\"Id\"", ["ParserVersion"]),
            ["People"] = ("\"Id\"", []),
            ["PersonAliases"] = ("\"Id\"", []),
            ["Teams"] = ("\"Id\"", []),
            ["TeamAliases"] = ("\"Id\"", []),
        };
        using var db = host.Db();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var snapshot = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (table, (orderBy, ignored)) in queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {orderBy}";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount)
                    .Where(i => !ignored.Contains(reader.GetName(i)))
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "<null>" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}")));
            }

            snapshot[table] = rows;
        }

        return snapshot;
    }
}
