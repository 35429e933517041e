using System.Data.Common;
using System.Diagnostics;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// <c>meetingtracker copy-data</c> (issue 16): every table of the model (meetings and their kept files, accounts, claims,
/// events, tokens, the outbox, digests, Data Protection keys …) from one database to another of either engine, primary
/// keys kept. The source is read in one snapshot (a read transaction); the target, migrated first to this version's last
/// migration, must be empty (no rows but the model's seed data) and is written in one transaction, tables in foreign-key
/// order, rows streamed in batches (PostgreSQL: binary <c>COPY</c>). PostgreSQL's identity sequences are then moved past
/// the copied ids. Before the commit every table is compared (<see cref="TableChecksum"/>: rows and a checksum, both
/// sides); a difference rolls everything back. Not copied: the search index (not in the database; each node rebuilds
/// its own) and Hangfire's job storage (recurring jobs are registered again at start).
/// </summary>
public static class DataCopy
{
    public const int DefaultBatch = 1000;

    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/>, reporting each table once copied.</summary>
    /// <exception cref="DataCopyException">The copy cannot be done or failed; nothing was written.</exception>
    public static async Task<DataCopyResult> CopyAsync(DatabaseOptions from, DatabaseOptions to, int batch, Action<TableCopied>? copied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var elapsed = Stopwatch.StartNew();
        await using var source = await DataCopyEnds.OpenSourceAsync(from, to, cancellationToken).ConfigureAwait(false);
        await using var target = await DataCopyEnds.OpenTargetAsync(to, migrate: true, cancellationToken).ConfigureAwait(false);
        await target.RefuseUnlessEmptyAsync(cancellationToken).ConfigureAwait(false);
        var tables = Pair(source, target);

        await using var read = await source.BeginSnapshotAsync(cancellationToken).ConfigureAwait(false);
        await using var write = await target.Guard(() => target.Connection.BeginTransactionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        var done = new List<TableCopied>();
        var current = "";
        try
        {
            foreach (var (_, into) in tables.Where(t => t.Target.SeedRows > 0))
            {
                await ExecuteAsync(target.Connection, write, $"DELETE FROM {into.Delimited}", cancellationToken).ConfigureAwait(false);
            }

            foreach (var (outOf, into) in tables)
            {
                current = into.Name;
                var started = Stopwatch.StartNew();
                var rows = await CopyTableAsync(source.Connection, read, outOf, target.Connection, write, into, batch, cancellationToken).ConfigureAwait(false);
                var table = new TableCopied(into.Name, rows, started.Elapsed);
                done.Add(table);
                copied?.Invoke(table);
            }

            current = "";
            if (target.IsPostgreSql)
            {
                foreach (var (_, into) in tables.Where(t => t.Target.IntegerKey is not null))
                {
                    var key = into.IntegerKey!.Delimited;
                    var name = into.Delimited.Replace("'", "''", StringComparison.Ordinal);
                    await ExecuteAsync(target.Connection, write, $"SELECT setval(pg_get_serial_sequence('{name}', '{into.IntegerKey.Name}'), COALESCE(MAX({key}), 0) + 1, false) FROM {into.Delimited}", cancellationToken).ConfigureAwait(false);
                }
            }

            var checks = await CheckAsync(source.Connection, read, target.Connection, write, tables, cancellationToken).ConfigureAwait(false);
            var result = new DataCopyResult(done, checks, elapsed.Elapsed);
            if (result.Verified)
            {
                await write.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await write.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        catch (Exception e) when (e is DbException or InvalidCastException or FormatException or OverflowException)
        {
            throw new DataCopyException($"{(current.Length > 0 ? $"copying {current}" : "copying")} into {target.Description} failed: {DataCopyEnds.OneLine(e.Message)}; nothing was written (the target holds the empty schema)");
        }
    }

    /// <summary>Compares <paramref name="from"/> and <paramref name="to"/> table by table (rows and checksums), changing neither.</summary>
    public static async Task<DataCopyResult> VerifyAsync(DatabaseOptions from, DatabaseOptions to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var elapsed = Stopwatch.StartNew();
        await using var source = await DataCopyEnds.OpenSourceAsync(from, to, cancellationToken).ConfigureAwait(false);
        await using var target = await DataCopyEnds.OpenTargetAsync(to, migrate: false, cancellationToken).ConfigureAwait(false);
        var tables = Pair(source, target);
        await using var read = await source.BeginSnapshotAsync(cancellationToken).ConfigureAwait(false);
        await using var other = await target.BeginSnapshotAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var checks = await CheckAsync(source.Connection, read, target.Connection, other, tables, cancellationToken).ConfigureAwait(false);
            return new DataCopyResult([], checks, elapsed.Elapsed);
        }
        catch (Exception e) when (e is DbException or InvalidCastException or FormatException or OverflowException)
        {
            throw new DataCopyException($"reading failed: {DataCopyEnds.OneLine(e.Message)}");
        }
    }

    private static List<(DataCopyTable Source, DataCopyTable Target)> Pair(DataCopyEnds source, DataCopyEnds target)
    {
        var sources = DataCopyTable.Of(source.Db).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var pairs = new List<(DataCopyTable, DataCopyTable)>();
        foreach (var into in DataCopyTable.Of(target.Db))
        {
            var outOf = sources[into.Name];
            for (var i = 0; i < into.Columns.Count; i++)
            {
                if (outOf.Columns[i].Name != into.Columns[i].Name || outOf.Columns[i].Type != into.Columns[i].Type)
                {
                    throw new DataCopyException($"the model maps {into.Name}.{into.Columns[i].Name} differently on the two engines ({outOf.Columns[i].Type.Name}, {into.Columns[i].Type.Name})");
                }
            }

            pairs.Add((outOf, into));
        }

        return pairs;
    }

    private static async Task<long> CopyTableAsync(DbConnection from, DbTransaction read, DataCopyTable outOf, DbConnection to, DbTransaction write, DataCopyTable into, int batch, CancellationToken cancellationToken)
    {
        await using var command = Command(from, read, outOf.Select);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = DataCopyWriter.Create(to, write, into, batch);
        var readers = outOf.Columns.Select(c => c.Read).ToArray();
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[readers.Length];
            for (var i = 0; i < row.Length; i++) row[i] = readers[i](reader, i);
            await writer.WriteAsync(row, cancellationToken).ConfigureAwait(false);
            rows++;
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static async Task<List<TableCheck>> CheckAsync(DbConnection from, DbTransaction read, DbConnection to, DbTransaction other, List<(DataCopyTable Source, DataCopyTable Target)> tables, CancellationToken cancellationToken)
    {
        var checks = new List<TableCheck>();
        foreach (var (outOf, into) in tables)
        {
            var (sourceRows, sourceSum) = await SumAsync(from, read, outOf, cancellationToken).ConfigureAwait(false);
            var (targetRows, targetSum) = await SumAsync(to, other, into, cancellationToken).ConfigureAwait(false);
            checks.Add(new TableCheck(into.Name, sourceRows, targetRows, sourceSum, targetSum));
        }

        return checks;
    }

    private static async Task<(long Rows, string Sum)> SumAsync(DbConnection connection, DbTransaction transaction, DataCopyTable table, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, table.Select);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        using var sum = new TableChecksum();
        var readers = table.Columns.Select(c => c.Read).ToArray();
        var row = new object?[readers.Length];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < row.Length; i++) row[i] = readers[i](reader, i);
            sum.Add(row);
        }

        return (sum.Rows, sum.Finish());
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

#pragma warning disable CA2100 // SQL made of the model's identifiers, delimited by the provider.
    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }
#pragma warning restore CA2100
}
