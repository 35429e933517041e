using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Storage;

public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each provider's migrations (SQLite's in Core, PostgreSQL's in their own assembly, ADR 19) cover the model.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=unused")]
    public void Each_provider_s_checked_in_migrations_cover_the_model(DatabaseProvider provider, string connection)
    {
        using var db = StorageSetup.Open(new DatabaseOptions { Provider = provider, ConnectionString = connection }, Path.GetTempPath());

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run dotnet run --project tools/MeetingTracker.Migrations -- add <Name>");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task A_started_host_s_database_has_every_migration_applied()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        await using var db = host.Db();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
    }

    [Fact]
    [Trait("Database", TestDatabase.SqliteOnly)]
    public async Task The_SQLite_file_runs_in_wal_mode()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        await using var db = host.Db();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(Ct);
        Assert.Equal("wal", Assert.Single(mode));
        Assert.True(File.Exists(Path.Combine(host.DataDir, StorageSetup.DatabaseFileName)));
    }

    [Fact]
    [Trait("Database", TestDatabase.SqliteOnly)]
    public async Task Every_context_runs_with_synchronous_normal_on_pooled_and_new_connections()
    {
        await using var host = await HarvestHost.StartAsync(Ct);

        var seen = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await using var db = host.Db();
            seen.Add(Assert.Single(await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync(Ct)));
        }

        // A physical connection opened while another is in use is set up too.
        await using var first = host.Db();
        await first.Database.OpenConnectionAsync(Ct);
        await using var second = host.Db();
        seen.Add(Assert.Single(await second.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync(Ct)));
        seen.Add(Assert.Single(await first.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync(Ct)));

        Assert.All(seen, mode => Assert.Equal(1, mode)); // 1 = NORMAL (the default in WAL is FULL, 2)
    }
}
