using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using Topic = MeetingTracker.Core.Meetings.Topic;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Storage;

/// <summary>
/// The harvest's prepared inserts (<see cref="RowInsert{T}"/>) store every kind of row the writer inserts exactly as
/// EF Core's SaveChanges stores it: the same rows, column for column (nulls, enums by name, times as integers, an owned
/// vote present and absent, bodies), and the same generated keys read back into the rows.
/// </summary>
public sealed class RowInsertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_row_the_writer_inserts_is_stored_as_SaveChanges_stores_it()
    {
        await using var viaEf = await HarvestHost.StartAsync(Ct);
        await using var viaInserts = await HarvestHost.StartAsync(Ct);

        var efRows = Rows();
        foreach (var group in efRows)
        {
            await using var db = viaEf.Db();
            await SetUpAsync(db);
            db.AddRange(group);
            await db.SaveChangesAsync(Ct);
        }

        var insertedRows = Rows();
        foreach (var group in insertedRows)
        {
            await using var db = viaInserts.Db();
            await SetUpAsync(db);
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            await using (var rows = new RowInserts(db))
            {
                foreach (var row in group) await InsertAsync(rows, row);
            }

            await tx.CommitAsync(Ct);
        }

        Dictionary<string, List<string>> expected, actual;
        using (var db = viaEf.Db()) expected = BackupTables.Dump(db);
        using (var db = viaInserts.Db()) actual = BackupTables.Dump(db);
        foreach (var table in new[] { "People", "PersonAliases", "Teams", "TeamAliases", "SourceBots", "Meetings", "Topics", "Items", "Attendance", "Files", "FileOutcomes", "LogLines" })
        {
            Assert.NotEmpty(expected[table]);
            Assert.Equal(expected[table], actual[table]);
        }

        // The keys read back are the ones SaveChanges set.
        Assert.Equal(Keys(efRows), Keys(insertedRows));
    }

    [Fact]
    public async Task A_failed_insert_is_a_DbUpdateException_like_a_failed_save()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        await using var db = host.Db();
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        await using var rows = new RowInserts(db);
        await rows.InsertAsync(new Team { Key = "infra", Name = "infra" }, readKey: true, Ct);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => rows.InsertAsync(new Team { Key = "infra", Name = "again" }, readKey: true, Ct));

        if (error.InnerException is Npgsql.PostgresException postgres)
        {
            Assert.Equal((Npgsql.PostgresErrorCodes.UniqueViolation, "Teams"), (postgres.SqlState, postgres.TableName));
        }
        else
        {
            Assert.Contains("UNIQUE constraint failed: Teams.Key", error.InnerException!.Message, StringComparison.Ordinal);
        }
    }

    // Keys are generated in insertion order on both sides, so rows can name each other's ids (1, 2, ...).
    private static List<object[]> Rows()
    {
        var start = new DateTimeOffset(2026, 3, 24, 19, 27, 0, TimeSpan.Zero);
        return
        [
            [new Person { Name = "alice" }, new Person { Name = "bob" }],
            [new PersonAlias { Nick = "alice", PersonId = 1 }, new PersonAlias { Nick = "bob_", PersonId = 2 }],
            [new Team { Key = "infra", Name = "Infrastructure" }],
            [new TeamAlias { Name = "infra", TeamId = 1 }, new SourceBot { SourceId = 1, Nick = "zodbot" }],
            [
                new Meeting
                {
                    SourceId = 1, Folder = "infra/2026", MeetingKey = "infra.2026-03-24-19.27", TeamId = 1, Channel = "#infra", Title = "Weekly",
                    MeetingName = "infra", StartedAt = start, EndedAt = start.AddMinutes(40), StartedBy = "alice", Chairs = "alice bob",
                    Dialect = "meetbot-0.1.4", ReadFrom = "log-txt", IsComplete = true, LineCount = 3, Warnings = "one\ntwo", ParserVersion = 2,
                    ReadAt = start.AddHours(1), Change = 7,
                },
                new Meeting { SourceId = 1, Folder = "infra/2026", MeetingKey = "infra.2026-03-31-19.27", TeamId = 1, Dialect = "openstack", ReadFrom = "html-minutes", StartedAt = start.AddDays(7), Change = 8 },
            ],
            [
                new Topic { MeetingId = 1, Ordinal = 0, Title = "Status", Nick = "alice", Time = start.AddMinutes(1), Line = 4 },
                new Topic { MeetingId = 1, Ordinal = 1, Title = "Open floor", Nick = "bob_", Time = start.AddMinutes(30) },
                new Item
                {
                    MeetingId = 1, Number = 1, Kind = ItemKind.Action, Ordinal = 0, Text = "bob to fix the build", Nick = "alice", PersonId = 1,
                    Time = start.AddMinutes(2), Line = 5, TopicOrdinal = 0, Url = "https://example.org/1", Assignees = "bob",
                },
                new Item
                {
                    MeetingId = 1, Number = 2, Kind = ItemKind.Vote, Ordinal = 1, Text = "Should alice chair? (Carried)", Nick = "zodbot", Time = start.AddMinutes(3),
                    Vote = new ItemVote { Question = "Should alice chair?", Outcome = VoteOutcomes.Carried, For = 2, Against = 0, Voters = "alice bob_" },
                    RemovedAt = start.AddDays(1),
                },
                new Item { MeetingId = 2, Number = 1, Kind = ItemKind.Info, Ordinal = 0, Text = "nothing", Nick = "bob_", PersonId = 2, Time = start.AddDays(7) },
                new Attendance { MeetingId = 1, Nick = "alice", PersonId = 1, Lines = 2 },
                new Attendance { MeetingId = 1, Nick = "bob_", PersonId = 2, Lines = 1 },
            ],
            [
                new FetchedFile
                {
                    SourceId = 1, Path = "infra/2026/infra.2026-03-24-19.27.log.txt", Length = 1234, LastModified = start.AddHours(1), ETag = "\"abc\"",
                    Sha256 = "00ff", Content = [1, 2, 3, 0, 255], FetchedAt = start.AddHours(2), MeetingId = 1, ParserVersion = 2,
                },
                new FetchedFile { SourceId = 1, Path = "infra/2026/broken.log.txt", Sha256 = "ee", Content = [], FetchedAt = start, Error = "unreadable" },
                new HarvestFileOutcome { RunId = 1, Path = "infra/2026/broken.log.txt", Reason = "unreadable" },
            ],
            [
                new LogLineRow { MeetingId = 1, Number = 1, Time = start, Nick = "alice", PersonId = 1, Text = "#startmeeting infra" },
                new LogLineRow { MeetingId = 1, Number = 2, Time = start.AddSeconds(30), Nick = "zodbot", Text = "Meeting started" },
                new LogLineRow { MeetingId = 1, Number = 3, Time = start.AddSeconds(45), Nick = "bob_", PersonId = 2, Text = "waves", IsEmote = true },
            ],
        ];
    }

    private static async Task SetUpAsync(TrackerDb db)
    {
        if (await db.Sources.AnyAsync(Ct)) return;
        var source = new Source { Name = "test", Location = "/nowhere" };
        db.Sources.Add(source);
        db.Runs.Add(new HarvestRun { Source = source });
        await db.SaveChangesAsync(Ct);
    }

    private static Task InsertAsync(RowInserts rows, object row) => row switch
    {
        Person p => rows.InsertAsync(p, readKey: true, Ct),
        PersonAlias a => rows.InsertAsync(a, readKey: false, Ct),
        Team t => rows.InsertAsync(t, readKey: true, Ct),
        TeamAlias a => rows.InsertAsync(a, readKey: false, Ct),
        SourceBot b => rows.InsertAsync(b, readKey: false, Ct),
        Meeting m => rows.InsertAsync(m, readKey: true, Ct),
        Topic t => rows.InsertAsync(t, readKey: false, Ct),
        Item i => rows.InsertAsync(i, readKey: false, Ct),
        Attendance a => rows.InsertAsync(a, readKey: false, Ct),
        FetchedFile f => rows.InsertAsync(f, readKey: false, Ct),
        HarvestFileOutcome o => rows.InsertAsync(o, readKey: false, Ct),
        LogLineRow l => rows.InsertAsync(l, readKey: false, Ct),
        _ => throw new ArgumentException(row.GetType().Name, nameof(row)),
    };

    private static List<int> Keys(List<object[]> rows)
        => [.. rows.SelectMany(g => g).Select(r => r switch { Person p => p.Id, Team t => t.Id, Meeting m => m.Id, _ => -1 }).Where(id => id != -1)];
}
