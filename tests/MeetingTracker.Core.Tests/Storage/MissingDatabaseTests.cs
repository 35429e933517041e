using MeetingTracker.Core.Storage;
using MeetingTracker.Tests.Servers;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Storage;

/// <summary>
/// A PostgreSQL server without the configured database: the nodes (and <c>meetingtracker migrate</c>) make it, as EF Core's
/// migration does, even two at once; the migration lock's own session needs it first.
/// </summary>
public sealed class MissingDatabaseTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_starting_on_a_server_without_the_database_make_it_once_and_migrate_it()
    {
        var database = postgres.MissingDatabase();
        using var folder = new Cli.TempDir();

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await StorageSetup.MigrateAsync(new OneContext(database, folder.Path), Ct);
        }, Ct)));

        await using var check = StorageSetup.Open(database, folder.Path);
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(0, await check.Meetings.CountAsync(Ct));
    }

    private sealed class OneContext(DatabaseOptions database, string folder) : IDbContextFactory<TrackerDb>
    {
        public TrackerDb CreateDbContext() => StorageSetup.Open(database, folder);
    }
}
