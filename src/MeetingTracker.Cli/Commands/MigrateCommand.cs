using System.CommandLine;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>migrate [--data DIR] [--list]</c>: applies the database's pending migrations, for admins who migrate apart from the
/// nodes' starts (each node also migrates at start, one at a time under a PostgreSQL advisory lock; ADR 19). The database
/// is the one the environment names, as for the web host.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var list = new Option<bool>("--list") { Description = "Only list the migrations: applied, then pending." };
        var command = new Command("migrate", "Apply the database's pending migrations (the web host also does at start).") { data, list };
        command.SetAction(async (result, token) =>
        {
            var dataDir = result.GetRequiredValue(data).FullName;
            var database = DatabaseOptions.From(configuration);
            if (!database.IsPostgreSql) System.IO.Directory.CreateDirectory(dataDir);
            await using var db = StorageSetup.Open(database, dataDir);
            var applied = (await db.Database.GetAppliedMigrationsAsync(token)).ToList();
            var pending = (await db.Database.GetPendingMigrationsAsync(token)).ToList();
            if (result.GetValue(list))
            {
                foreach (var m in applied) stdout.WriteLine($"applied\t{m}");
                foreach (var m in pending) stdout.WriteLine($"pending\t{m}");
                return 0;
            }

            var factory = new SingleContextFactory(database, dataDir);
            await StorageSetup.MigrateAsync(factory, token);
            stdout.WriteLine(pending.Count == 0
                ? $"{database.Describe(dataDir)}: up to date ({applied.Count} migrations)"
                : $"{database.Describe(dataDir)}: applied {pending.Count} migrations ({string.Join(", ", pending)})");
            return 0;
        });
        return command;
    }

    private sealed class SingleContextFactory(DatabaseOptions database, string dataDir) : IDbContextFactory<TrackerDb>
    {
        public TrackerDb CreateDbContext() => StorageSetup.Open(database, dataDir);
    }
}
