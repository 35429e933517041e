using System.Globalization;
using MeetingTracker.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MeetingTracker.Core.Tests.Storage;

/// <summary>Every table of a database, row for row, as text: what two databases are compared by.</summary>
internal static class BackupTables
{
    /// <summary>
    /// Every table of the model in <paramref name="db"/>'s database, rows in key order, values as text the same on every
    /// provider (a boolean is 0 or 1, every integer a number): two databases of different engines compare equal when
    /// they hold the same data.
    /// </summary>
    public static Dictionary<string, List<string>> Dump(TrackerDb db)
    {
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            var dump = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var table in db.Model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                var key = table.PrimaryKey?.Columns.Select(c => sql.DelimitIdentifier(c.Name)) ?? table.Columns.Select(c => sql.DelimitIdentifier(c.Name));
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => sql.DelimitIdentifier(c.Name)))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} ORDER BY {string.Join(", ", key)}";
                using var reader = command.ExecuteReader();
                var rows = new List<string>();
                var values = new object[reader.FieldCount];
                while (reader.Read())
                {
                    reader.GetValues(values);
                    rows.Add(string.Join('\u001f', values.Select(Neutral)));
                }

                dump[table.Name] = rows;
            }

            return dump;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    private static string Neutral(object value) => value switch
    {
        bool b => b ? "1" : "0",
        short or int or long or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Text(value),
    };

    public static Dictionary<string, List<string>> Dump(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            using var reader = command.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }

        var dump = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid;";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            var values = new object[reader.FieldCount];
            while (reader.Read())
            {
                reader.GetValues(values);
                rows.Add(string.Join('\u001f', values.Select(Text)));
            }

            dump[table] = rows;
        }

        return dump;
    }

    public static string Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "<null>",
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
