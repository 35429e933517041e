using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// One prepared <c>INSERT</c> of an entity type's rows in the context's transaction, without the change tracker (the
/// harvest's writer, ADR 15). Everything comes from the EF model, as for <see cref="LineBulkInsert"/>: the table, each
/// property's column (an owned type stored in the same row included), its value converter, and the provider's quoting.
/// A key the database generates is left out and, when asked for, read back with <c>RETURNING</c> (SQLite 3.35 and
/// later, PostgreSQL) into the row, as <c>SaveChanges</c> would set it. A model this cannot store as EF would (default
/// values, computed columns, shadow properties, ...) is refused when the command is prepared, not stored differently.
/// A failed statement throws <see cref="DbUpdateException"/>, as <c>SaveChanges</c> does for the same row, so the
/// harvest's one-meeting retry handles it as before.
/// </summary>
internal sealed class RowInsert<T> : IAsyncDisposable
    where T : class
{
    private readonly DbCommand command;
    private readonly Column[] columns;
    private readonly IProperty? readBack;
    private readonly string table;

    private RowInsert(DbCommand command, Column[] columns, IProperty? readBack, string table)
        => (this.command, this.columns, this.readBack, this.table) = (command, columns, readBack, table);

    /// <param name="readKey">Read the generated key back into each row (costs a result per row; ask only when needed).</param>
    public static async Task<RowInsert<T>> PrepareAsync(TrackerDb db, bool readKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new NotSupportedException($"{typeof(T).Name} is not an entity of the model");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var generated = entity.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated != ValueGenerated.Never).ToList();
        if (generated.Count > 1) throw Unsupported(entity, "a composite generated key");
        var key = generated.SingleOrDefault();

        var columns = new List<Column>();
        foreach (var property in entity.GetProperties().Where(p => p != key))
        {
            columns.Add(new Column(Check(property), property.GetColumnName(store)!, property.GetGetter(), null));
        }

        foreach (var owned in entity.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
        {
            if (owned.IsCollection || owned.TargetEntityType.GetTableName() != store.Name || owned.TargetEntityType.GetNavigations().Any())
            {
                throw Unsupported(entity, $"owned {owned.Name} outside its row");
            }

            // The owned type's key is the owner's key, in the same column: its other properties are the row's.
            var ownedKey = owned.TargetEntityType.FindPrimaryKey()!.Properties;
            foreach (var property in owned.TargetEntityType.GetProperties().Where(p => !ownedKey.Contains(p)))
            {
                columns.Add(new Column(Check(property), property.GetColumnName(store)!, property.GetGetter(), owned.GetGetter()));
            }
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var names = columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var tableName = sql.DelimitIdentifier(store.Name, store.Schema);
        var text = $"INSERT INTO {tableName} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ({string.Join(", ", names)})";
        var readBack = readKey ? key : null;
        if (readBack is not null) text += $" RETURNING {sql.DelimitIdentifier(readBack.GetColumnName(store)!)}";

        var command = db.Database.GetDbConnection().CreateCommand();
        try
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = text;
            for (var i = 0; i < columns.Count; i++) columns[i] = columns[i] with { Parameter = LineBulkInsert.Parameter(command, names[i], columns[i].Property) };
            await command.PrepareAsync(cancellationToken);
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }

        return new RowInsert<T>(command, [.. columns], readBack, tableName);
    }

    /// <summary>Inserts <paramref name="row"/>; with a key read back, sets it on the row.</summary>
    public async Task InsertAsync(T row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var column in columns)
        {
            object? value;
            if (column.Owner is { } owner)
            {
                var owned = owner.GetClrValueUsingContainingEntity(row);
                value = owned is null ? null : column.Getter.GetClrValueUsingContainingEntity(owned);
            }
            else
            {
                value = column.Getter.GetClrValueUsingContainingEntity(row);
            }

            column.Parameter!.Value = (column.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }

        try
        {
            if (readBack is null)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                return;
            }

            var key = await command.ExecuteScalarAsync(cancellationToken);
            readBack.PropertyInfo!.SetValue(row, Convert.ChangeType(key, readBack.ClrType, CultureInfo.InvariantCulture));
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"An error occurred while inserting a row into {table}: {e.Message}", e);
        }
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    private static IProperty Check(IProperty property)
    {
        if (property.IsShadowProperty()) throw Unsupported(property.DeclaringType, $"shadow property {property.Name}");
        if (property.ValueGenerated != ValueGenerated.Never || property.IsConcurrencyToken
            || property.GetDefaultValueSql() is not null || property.GetComputedColumnSql() is not null || property.TryGetDefaultValue(out _))
        {
            throw Unsupported(property.DeclaringType, $"{property.Name}, a value the database or EF fills in");
        }

        return property;
    }

    private static NotSupportedException Unsupported(ITypeBase type, string what)
        => new($"{type.DisplayName()}: {what} is not supported by {nameof(RowInsert<>)}; store it through SaveChanges");

    /// <summary>
    /// A column, the getter of its value (through the owned object when <see cref="Owner"/> is set), its parameter.
    /// Values go through the converter of the property's type mapping, as in <see cref="LineBulkInsert.ToProvider"/>.
    /// </summary>
    private sealed record Column(IProperty Property, string Name, IClrPropertyGetter Getter, IClrPropertyGetter? Owner)
    {
        public ValueConverter? Converter { get; } = Property.GetTypeMapping().Converter;

        public DbParameter? Parameter { get; init; }
    }
}
