using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// Per-connection SQLite settings: <c>synchronous=NORMAL</c>, which in WAL mode keeps the database consistent through a
/// crash or power loss (at worst the last commits are lost, never half of one) without an fsync per transaction.
/// Set once per physical connection: Microsoft.Data.Sqlite pools them and the setting stays on the handle, while EF
/// reports an "opened" connection for every context (a pragma a page view cost as much as one of its queries).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _)) return;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }

        if (handle is not null) Configured.AddOrUpdate(handle, Instance);
    }
}
