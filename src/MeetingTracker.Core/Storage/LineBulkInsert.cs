using System.Data.Common;
using MeetingTracker.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// Inserts log lines in the context's transaction without the change tracker: a meeting brings ~75 lines, and change
/// tracking them cost most of a harvest's time. On PostgreSQL through <c>COPY … FROM STDIN (FORMAT BINARY)</c> (Npgsql's
/// binary import: one round trip for a meeting's lines, ADR 19); elsewhere with one prepared command
/// (<see cref="RowInsert{T}"/>). Table, columns, store types and value conversions come from the EF model either way.
/// </summary>
internal static class LineBulkInsert
{
    public static async Task InsertAsync(TrackerDb db, IReadOnlyList<LogLineRow> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0) return;
        if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection npgsql)
        {
            await CopyAsync(db, npgsql, lines, cancellationToken);
            return;
        }

        await using var insert = await RowInsert<LogLineRow>.PrepareAsync(db, readKey: false, cancellationToken);
        foreach (var line in lines) await insert.InsertAsync(line, cancellationToken);
    }

    private static async Task CopyAsync(TrackerDb db, Npgsql.NpgsqlConnection connection, IReadOnlyList<LogLineRow> lines, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(LogLineRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        // Every column is written (the key is the meeting and the line number: nothing is generated).
        var columns = entity.GetProperties().Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter())).ToList();
        var copy = $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) FROM STDIN (FORMAT BINARY)";
        try
        {
            await using var import = await connection.BeginBinaryImportAsync(copy, cancellationToken);
            foreach (var line in lines)
            {
                await import.StartRowAsync(cancellationToken);
                foreach (var (property, mapping, getter) in columns)
                {
                    var value = ToProvider(property, getter.GetClrValueUsingContainingEntity(line));
                    if (value is DBNull)
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await import.WriteAsync(value, mapping.StoreTypeNameBase, cancellationToken);
                    }
                }
            }

            await import.CompleteAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e)
        {
            // As SaveChanges would report it, so the harvest's one-meeting retry handles it as before.
            throw new DbUpdateException($"An error occurred while copying log lines into {table.Name}: {e.Message}", e);
        }
    }

    /// <summary>
    /// A new parameter of <paramref name="command"/> for <paramref name="property"/>'s column (prepared statements of the
    /// harvest's writer), typed by the property's store type mapping as EF types its own: a provider that prepares on the
    /// server (PostgreSQL) must know each parameter's type before it has a value.
    /// </summary>
    internal static DbParameter Parameter(DbCommand command, string name, IProperty property)
    {
        var p = property.GetRelationalTypeMapping().CreateParameter(command, name, value: null, nullable: property.IsNullable);
        command.Parameters.Add(p);
        return p;
    }

    /// <summary>
    /// A value as the database stores it, through the converter of the property's type mapping: the one configured on the
    /// property or by a convention (an enum stored as its name has no converter of its own, only its mapping's).
    /// </summary>
    internal static object ToProvider(IProperty property, object? value)
        => (property.GetTypeMapping().Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
}
