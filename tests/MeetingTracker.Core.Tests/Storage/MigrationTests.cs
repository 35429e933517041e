using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Storage;

public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checked_in_migrations_cover_the_model_and_the_database_runs_in_wal_mode()
    {
        await using var host = await HarvestHost.StartAsync(Ct);
        await using var db = host.Db();

        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet run --project tools/MeetingTracker.Migrations -- add <Name>");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(Ct);
        Assert.Equal("wal", Assert.Single(mode));
        Assert.True(File.Exists(Path.Combine(host.DataDir, StorageSetup.DatabaseFileName)));
    }
}
