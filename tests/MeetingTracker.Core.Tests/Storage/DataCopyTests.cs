using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Reminders;
using MeetingTracker.Tests.Servers;
using Microsoft.EntityFrameworkCore;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace MeetingTracker.Core.Tests.Storage;

/// <summary>
/// <see cref="DataCopy"/> between the two engines on a real PostgreSQL server (<see cref="PostgresServer"/>) in both
/// passes of the suite: the installation of the suite's engine (the sample logs and the reminder scenario's meetings,
/// accounts, claims, events, digests, outbox, keys and a token) copied to the other engine and back equals itself table
/// for table; a changed row fails the check; a full target and a missing source are refused.
/// </summary>
public sealed class DataCopyTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_installation_copied_to_the_other_engine_and_back_is_identical_table_for_table()
    {
        await using var rig = await InstallationAsync(Ct);
        using var folder = new TempDir();
        var original = Of(rig.DataDir);
        var other = OtherEngine(folder, "other");
        var back = SameEngine(folder, "back");

        var there = await DataCopy.CopyAsync(original, other, batch: 100, copied: null, Ct);
        var again = await DataCopy.CopyAsync(other, back, batch: DataCopy.DefaultBatch, copied: null, Ct);

        var before = Dump(original, folder);
        foreach (var said in new[] { "AspNetUsers", "NickClaims", "AccountabilityEvents", "AccessTokens", "Outbox", "Digests", "DataProtectionKeys", "Meetings", "Files", "LogLines", "Items", "Runs" })
        {
            Assert.True(before[said].Count > 0, $"the installation has no {said}: the comparison would prove nothing");
        }

        Assert.True(before["LogLines"].Count > 5000, "the sample logs are in the installation");
        Assert.True(there.Verified && again.Verified);
        Assert.Equal(before.Count, there.Tables.Count);
        Assert.Equal(before.ToDictionary(t => t.Key, t => (long)t.Value.Count), there.Tables.ToDictionary(t => t.Table, t => t.Rows));
        Assert.All(there.Checks, c => Assert.Equal(c.SourceRows, c.TargetRows));
        Assert.Equal(there.Checks.Select(c => c.TargetChecksum), again.Checks.Select(c => c.TargetChecksum));
        var after = Dump(back, folder);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (table, rows) in before)
        {
            Assert.True(rows.SequenceEqual(after[table]), $"table {table}: {rows.Count} rows in the original, {after[table].Count} after the round trip, or rows differ");
        }

        Assert.Equal(before, Dump(other, folder));

        // New rows on either copy take ids after the copied ones (PostgreSQL's sequences were moved past them).
        foreach (var copy in new[] { other, back })
        {
            await using var db = StorageSetup.Open(copy, folder.Path);
            var last = await db.AccessTokens.MaxAsync(t => t.Id, Ct);
            var account = await db.Users.Select(u => u.Id).FirstAsync(Ct);
            db.AccessTokens.Add(new PersonalAccessToken { AccountId = account, Name = "after the move", Hash = "h2", Prefix = "mt_after" });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(last + 1, await db.AccessTokens.MaxAsync(t => t.Id, Ct));
        }
    }

    [Fact]
    public async Task A_row_changed_in_the_copy_fails_the_check_of_its_table_only()
    {
        await using var rig = await InstallationAsync(Ct);
        using var folder = new TempDir();
        var original = Of(rig.DataDir);
        var copy = OtherEngine(folder, "copy");
        await DataCopy.CopyAsync(original, copy, DataCopy.DefaultBatch, copied: null, Ct);
        Assert.True((await DataCopy.VerifyAsync(original, copy, Ct)).Verified);

        await using (var db = StorageSetup.Open(copy, folder.Path))
        {
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE \"AspNetUsers\" SET \"Email\" = 'mallory@example.org' WHERE \"Email\" = 'alice@example.org'", Ct));
        }

        var check = await DataCopy.VerifyAsync(original, copy, Ct);

        Assert.False(check.Verified);
        Assert.Equal(["AspNetUsers"], check.Checks.Where(c => !c.Ok).Select(c => c.Table));
        Assert.Equal(4, check.Checks.Single(c => c.Table == "AspNetUsers").TargetRows);
        Assert.Contains("DIFFERENT: AspNetUsers", check.Line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_holding_data_is_refused_and_left_as_it_was()
    {
        await using var rig = await InstallationAsync(Ct);
        using var folder = new TempDir();
        var original = Of(rig.DataDir);
        var copy = OtherEngine(folder, "copy");
        await DataCopy.CopyAsync(original, copy, DataCopy.DefaultBatch, copied: null, Ct);
        var before = Dump(copy, folder);

        var refused = await Assert.ThrowsAsync<DataCopyException>(() => DataCopy.CopyAsync(original, copy, DataCopy.DefaultBatch, copied: null, Ct));

        Assert.Contains("is not empty (AspNetUsers 4,", refused.Message, StringComparison.Ordinal);
        Assert.Contains("copy-data writes only into an empty database", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Dump(copy, folder));
    }

    [Fact]
    public async Task A_missing_source_or_an_unreachable_server_is_one_clear_sentence_and_creates_nothing()
    {
        using var folder = new TempDir();
        var missing = Path.Combine(folder.Path, "nothing-here.db");
        var target = Path.Combine(folder.Path, "target.db");

        var gone = await Assert.ThrowsAsync<DataCopyException>(() => DataCopy.CopyAsync(DatabaseOptions.Parse("sqlite:" + missing), DatabaseOptions.Parse("sqlite:" + target), 10, null, Ct));
        var unreachable = await Assert.ThrowsAsync<DataCopyException>(() => DataCopy.CopyAsync(DatabaseOptions.Parse("postgres:" + PostgresServer.Unreachable()), DatabaseOptions.Parse("sqlite:" + target), 10, null, Ct));
        var same = await Assert.ThrowsAsync<DataCopyException>(() => DataCopy.CopyAsync(DatabaseOptions.Parse("sqlite:" + target), DatabaseOptions.Parse("sqlite:" + target), 10, null, Ct));

        Assert.Equal($"the source {missing} does not exist", gone.Message);
        Assert.StartsWith("the source PostgreSQL database postgres on 127.0.0.1:", unreachable.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be opened: Failed to connect to 127.0.0.1:", unreachable.Message, StringComparison.Ordinal);
        Assert.Equal($"the source and the target are the same database ({target})", same.Message);
        Assert.DoesNotContain('\n', gone.Message + unreachable.Message + same.Message);
        Assert.False(File.Exists(missing) || File.Exists(target));
    }

    /// <summary>
    /// The reminder scenario (meetings, four accounts with verified claims, events, digests sent to the outbox, the Data
    /// Protection keys that sign their links), the sample logs harvested beside it, and a personal access token.
    /// </summary>
    internal static async Task<ReminderRig> InstallationAsync(CancellationToken cancellationToken)
    {
        var rig = await ReminderRig.StartAsync(cancellationToken);
        var accounts = await ReminderScenario.BuildAsync(rig, cancellationToken);
        await rig.RunAsync(ReminderScenario.Monday, cancellationToken);
        var sample = await rig.Get<Harvester>().HarvestAsync(new SourceOptions { Name = "sample", Location = SampleLogs(), RequestsPerSecond = 0 }, null, cancellationToken);
        Assert.Equal(HarvestStatus.Succeeded, sample.Status);
        await using var db = rig.Db();
        db.AccessTokens.Add(new PersonalAccessToken { AccountId = accounts["alice"], Name = "laptop", Hash = "h1", Prefix = "mt_abc", CreatedAt = ReminderScenario.Monday });
        await db.SaveChangesAsync(cancellationToken);
        return rig;
    }

    /// <summary>The database of <paramref name="dataDir"/> as copy-data names it: its SQLite file, or its PostgreSQL database.</summary>
    internal static DatabaseOptions Of(string dataDir) => TestDatabase.IsPostgreSql ? TestDatabase.For(dataDir) : DatabaseOptions.Parse("sqlite:" + dataDir);

    /// <summary>A new empty database of the engine the suite does not run on.</summary>
    internal DatabaseOptions OtherEngine(TempDir folder, string name) => TestDatabase.IsPostgreSql ? DatabaseOptions.Parse($"sqlite:{folder.Path}/{name}.db") : postgres.NewDatabase();

    internal DatabaseOptions SameEngine(TempDir folder, string name) => TestDatabase.IsPostgreSql ? postgres.NewDatabase() : DatabaseOptions.Parse($"sqlite:{folder.Path}/{name}.db");

    internal static string Text(DatabaseOptions database) => (database.IsPostgreSql ? "postgres:" : "sqlite:") + (database.IsPostgreSql ? database.ConnectionString : StorageSetup.SqliteFile(database, "."));

    private static Dictionary<string, List<string>> Dump(DatabaseOptions database, TempDir folder)
    {
        using var db = StorageSetup.Open(database, folder.Path);
        return BackupTables.Dump(db);
    }

    private static string SampleLogs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var sample = Path.Combine(dir.FullName, "sample-logs");
            if (Directory.Exists(sample)) return sample;
        }

        throw new InvalidOperationException("no sample-logs folder above " + AppContext.BaseDirectory);
    }
}
