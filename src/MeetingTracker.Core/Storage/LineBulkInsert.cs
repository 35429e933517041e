using System.Data.Common;
using MeetingTracker.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// Inserts a meeting's log lines with one prepared command in the context's transaction: a meeting brings ~100 lines,
/// and change tracking them cost most of a harvest's time. Table, columns and value conversions come from the EF model,
/// so it follows the model and any ADO.NET provider.
/// </summary>
internal static class LineBulkInsert
{
    public static async Task InsertAsync(TrackerDb db, IReadOnlyList<LogLineRow> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(LogLineRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var names = properties.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({string.Join(", ", names)})";
        var parameters = names.Select(n => Parameter(command, n)).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var line in lines)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                parameters[i].Value = ToProvider(properties[i], properties[i].PropertyInfo!.GetValue(line));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>A new parameter of <paramref name="command"/> (prepared statements of the harvest's writer).</summary>
    internal static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }

    /// <summary>A value as the database stores it (through the property's converter).</summary>
    internal static object ToProvider(IProperty property, object? value)
        => (property.GetValueConverter() is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
}
