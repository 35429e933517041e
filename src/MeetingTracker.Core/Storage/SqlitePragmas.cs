using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// Per-connection SQLite settings: <c>synchronous=NORMAL</c>, which in WAL mode keeps the database consistent through a
/// crash or power loss (at worst the last commits are lost, never half of one) without an fsync per transaction.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
