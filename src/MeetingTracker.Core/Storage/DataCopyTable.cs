using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// One table of the EF model as <see cref="DataCopy"/> reads and writes it: its columns with the CLR type each holds in
/// the database (after the model's converters: a time is a long, an enum its name), read typed on either engine (SQLite
/// gives a boolean as an integer and a date as text unless asked for the type), and the query that reads its rows in
/// primary-key order, text keys in code-point order on both engines (PostgreSQL's <c>COLLATE "C"</c>).
/// </summary>
internal sealed class DataCopyTable
{
    private DataCopyTable(string name, IReadOnlyList<Column> columns, string select, string delimited, int seedRows)
    {
        Name = name;
        Columns = columns;
        Select = select;
        Delimited = delimited;
        SeedRows = seedRows;
    }

    public string Name { get; }

    public IReadOnlyList<Column> Columns { get; }

    /// <summary>Every row, every column in <see cref="Columns"/>' order, in primary-key order.</summary>
    public string Select { get; }

    /// <summary>The table's name as the engine's SQL spells it.</summary>
    public string Delimited { get; }

    /// <summary>Rows the model's seed data puts in on migration (the change counter's one row).</summary>
    public int SeedRows { get; }

    /// <summary>The single integer primary-key column, whose sequence PostgreSQL must be moved past the copied ids.</summary>
    public Column? IntegerKey { get; private init; }

    /// <summary>Every table of <paramref name="db"/>'s model, each after the tables its foreign keys point to.</summary>
    public static IReadOnlyList<DataCopyTable> Of(TrackerDb db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var postgres = db.Database.IsNpgsql();

        // Seed data is kept only in the design-time model (the runtime one is read-optimised).
        var design = db.GetService<IDesignTimeModel>().Model;
        var seeds = design.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .GroupBy(e => e.GetTableName()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.GetSeedData().Count()), StringComparer.Ordinal);
        var tables = db.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var ordered = new List<DataCopyTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (placed.Count < tables.Count)
        {
            var ready = tables.Values
                .Where(t => !placed.Contains(t.Name))
                .Where(t => t.ForeignKeyConstraints.All(f => f.PrincipalTable.Name == t.Name || placed.Contains(f.PrincipalTable.Name)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0) throw new InvalidOperationException("the model's foreign keys form a cycle: no table order to copy in");
            foreach (var table in ready)
            {
                ordered.Add(Create(table, sql, postgres, seeds.GetValueOrDefault(table.Name)));
                placed.Add(table.Name);
            }
        }

        return ordered;
    }

    private static DataCopyTable Create(ITable table, ISqlGenerationHelper sql, bool postgres, int seed)
    {
        var columns = table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new Column(c, sql.DelimitIdentifier(c.Name))).ToList();
        var key = table.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? columns.Select(c => c.Name).ToList();
        var order = key.Select(k => columns.Single(c => c.Name == k)).Select(c => postgres && c.Type == typeof(string) ? $"{c.Delimited} COLLATE \"C\"" : c.Delimited);
        var delimited = sql.DelimitIdentifier(table.Name, table.Schema);
        var integerKey = key.Count == 1 && columns.Single(c => c.Name == key[0]) is { Type: var t } only && (t == typeof(int) || t == typeof(long)) ? only : null;
        return new DataCopyTable(
            table.Name,
            columns,
            $"SELECT {string.Join(", ", columns.Select(c => c.Delimited))} FROM {delimited} ORDER BY {string.Join(", ", order)}",
            delimited,
            seed)
        {
            IntegerKey = integerKey,
        };
    }

    /// <summary>A column: its name, the type its values have in the database, how to read one typed and how the engine types a parameter.</summary>
    internal sealed class Column(IColumn column, string delimited)
    {
        public string Name { get; } = column.Name;

        public string Delimited { get; } = delimited;

        public Type Type { get; } = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;

        public bool IsNullable { get; } = column.IsNullable;

        /// <summary>The engine's type name without its facets (<c>character varying(256)</c> is <c>character varying</c>).</summary>
        public string StoreType { get; } = column.StoreType.Split('(')[0].Trim();

        public RelationalTypeMapping Mapping { get; } = column.StoreTypeMapping;

        public Func<DbDataReader, int, object?> Read => Typed.Reader(Type);
    }
}
