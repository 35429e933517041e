using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// Writes one table's rows into the target, in the target's open transaction, <c>batch</c> rows to a statement:
/// PostgreSQL's binary <c>COPY</c> (typed by each column's store type), else multi-row <c>INSERT</c>s with parameters
/// typed by the target's type mappings, of at most 999 parameters (Microsoft.Data.Sqlite binds each by its name, a
/// lookup over the statement's names: 1,000 rows of 20 columns took seconds a batch, 50 rows take milliseconds).
/// </summary>
internal abstract class DataCopyWriter : IAsyncDisposable
{
    private const int ParametersPerInsert = 999;

    public static DataCopyWriter Create(DbConnection connection, DbTransaction transaction, DataCopyTable table, int batch)
        => connection is NpgsqlConnection npgsql
            ? new CopyWriter(npgsql, table, batch)
            : new InsertWriter(connection, transaction, table, Math.Max(1, Math.Min(batch, ParametersPerInsert / table.Columns.Count)));

    /// <summary>Adds a row (its values in the table's column order, null for NULL); a full batch goes to the database.</summary>
    public abstract Task WriteAsync(object?[] row, CancellationToken cancellationToken);

    /// <summary>Sends what is buffered.</summary>
    public abstract Task FlushAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private sealed class CopyWriter(NpgsqlConnection connection, DataCopyTable table, int batch) : DataCopyWriter
    {
        private readonly string copy = $"COPY {table.Delimited} ({string.Join(", ", table.Columns.Select(c => c.Delimited))}) FROM STDIN (FORMAT BINARY)";
        private readonly Func<NpgsqlBinaryImporter, object?, string, CancellationToken, Task>[] writers = [.. table.Columns.Select(c => Typed.CopyWriter(c.Type))];
        private NpgsqlBinaryImporter? importer;
        private int rows;

        public override async Task WriteAsync(object?[] row, CancellationToken cancellationToken)
        {
            importer ??= await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < row.Length; i++) await writers[i](importer, row[i], table.Columns[i].StoreType, cancellationToken).ConfigureAwait(false);
            if (++rows >= batch) await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (importer is null) return;
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            await importer.DisposeAsync().ConfigureAwait(false);
            importer = null;
            rows = 0;
        }

        public override async ValueTask DisposeAsync()
        {
            // Not completed: disposing cancels the COPY, and the transaction it is in is rolled back by the caller.
            if (importer is not null) await importer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class InsertWriter(DbConnection connection, DbTransaction transaction, DataCopyTable table, int perStatement) : DataCopyWriter
    {
        private readonly List<object?[]> pending = new(perStatement);
        private DbCommand? full;

        public override async Task WriteAsync(object?[] row, CancellationToken cancellationToken)
        {
            pending.Add(row);
            if (pending.Count >= perStatement) await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (pending.Count == 0) return;
            if (pending.Count == perStatement)
            {
                full ??= await PrepareAsync(perStatement, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(full, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await using var rest = await PrepareAsync(pending.Count, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(rest, cancellationToken).ConfigureAwait(false);
            }

            pending.Clear();
        }

        public override async ValueTask DisposeAsync()
        {
            if (full is not null) await full.DisposeAsync().ConfigureAwait(false);
        }

        private async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
        {
            var columns = table.Columns.Count;
            for (var r = 0; r < pending.Count; r++)
            {
                for (var c = 0; c < columns; c++) command.Parameters[(r * columns) + c].Value = pending[r][c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task<DbCommand> PrepareAsync(int rows, CancellationToken cancellationToken)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO {table.Delimited} ({string.Join(", ", table.Columns.Select(c => c.Delimited))}) VALUES ");
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                    sql.Append(c == 0 ? name : ", " + name);
                    var column = table.Columns[c];
                    command.Parameters.Add(column.Mapping.CreateParameter(command, name, value: null, nullable: column.IsNullable));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            return command;
        }
    }
}
