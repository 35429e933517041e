using System.Data.Common;
using MeetingTracker.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// Inserts log lines with one prepared command (<see cref="RowInsert{T}"/>) in the context's transaction: a meeting
/// brings ~75 lines, and change tracking them cost most of a harvest's time. Table, columns and value conversions come
/// from the EF model, so it follows the model and any ADO.NET provider.
/// </summary>
internal static class LineBulkInsert
{
    public static async Task InsertAsync(TrackerDb db, IReadOnlyList<LogLineRow> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0) return;
        await using var insert = await RowInsert<LogLineRow>.PrepareAsync(db, readKey: false, cancellationToken);
        foreach (var line in lines) await insert.InsertAsync(line, cancellationToken);
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
