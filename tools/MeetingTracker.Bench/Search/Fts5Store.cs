using System.Globalization;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Search;

/// <summary>
/// Baseline A's database: every entry the search indexer indexes (log lines, topics, items not removed), in a SQLite
/// FTS5 table <c>fts(text)</c> (<c>unicode61 remove_diacritics 2</c>) whose rowid is the id of an <c>entries</c> row
/// holding the meeting key, line number, nick and what the filters need, each filter column indexed. Built once from
/// the harvested database with Microsoft.Data.Sqlite's bundled SQLite, untimed.
/// </summary>
public static class Fts5Store
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE entries(id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL, key TEXT NOT NULL, team TEXT NOT NULL,
            channel TEXT, kind TEXT NOT NULL, nick TEXT NOT NULL, nick_base TEXT NOT NULL, time TEXT NOT NULL, line INTEGER);
        CREATE VIRTUAL TABLE fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
        """;

    private const string Indexes = """
        CREATE INDEX entries_team ON entries(team);
        CREATE INDEX entries_channel ON entries(channel);
        CREATE INDEX entries_kind ON entries(kind);
        CREATE INDEX entries_nick_base ON entries(nick_base);
        CREATE INDEX entries_time ON entries(time);
        INSERT INTO fts(fts) VALUES ('optimize');
        """;

    /// <summary>Opens <paramref name="path"/>, building it first unless it holds <paramref name="documents"/> entries.</summary>
    public static async Task<SqliteConnection> OpenAsync(string path, IDbContextFactory<TrackerDb> dbFactory, int documents, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        if (await CountAsync(connection, cancellationToken) == documents) return connection;
        await connection.CloseAsync();
        await connection.DisposeAsync();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" }) File.Delete(path + suffix);
        connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await BuildAsync(connection, dbFactory, cancellationToken);
        var count = await CountAsync(connection, cancellationToken);
        if (count != documents) throw new InvalidOperationException($"FTS5 baseline holds {count} entries, the index {documents} documents");
        return connection;
    }

    public static string SqliteVersion(SqliteConnection connection) => "SQLite " + connection.ServerVersion;

    private static async Task<long> CountAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'entries'";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0) return -1;
        command.CommandText = "SELECT count(*) FROM entries";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task BuildAsync(SqliteConnection connection, IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        await Execute(connection, Schema, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Select(m => new { m.Id, m.MeetingKey, Team = m.Team!.Key, m.Channel })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        using var transaction = connection.BeginTransaction();
        using var entry = connection.CreateCommand();
        entry.Transaction = transaction;
        entry.CommandText = "INSERT INTO entries VALUES ($id, $meeting, $key, $team, $channel, $kind, $nick, $base, $time, $line)";
        string[] names = ["$id", "$meeting", "$key", "$team", "$channel", "$kind", "$nick", "$base", "$time", "$line"];
        foreach (var name in names) entry.Parameters.Add(new SqliteParameter { ParameterName = name });
        using var text = connection.CreateCommand();
        text.Transaction = transaction;
        text.CommandText = "INSERT INTO fts(rowid, text) VALUES ($id, $text)";
        text.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        text.Parameters.Add(new SqliteParameter { ParameterName = "$text" });
        long id = 0;

        void Add(int meetingId, string kind, string nick, DateTimeOffset time, int? line, string body)
        {
            var m = meetings[meetingId];
            object?[] values = [++id, meetingId, m.MeetingKey, m.Team, m.Channel?.TrimStart('#').ToLowerInvariant(), kind, nick,
                NickVariants.BaseNick(nick).ToLowerInvariant(), time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), line];
            for (var i = 0; i < values.Length; i++) entry.Parameters[i].Value = values[i] ?? DBNull.Value;
            entry.ExecuteNonQuery();
            text.Parameters[0].Value = id;
            text.Parameters[1].Value = body;
            text.ExecuteNonQuery();
        }

        await foreach (var l in db.Lines.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Add(l.MeetingId, "line", l.Nick, l.Time, l.Number, l.Text);
        }

        await foreach (var t in db.Topics.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Add(t.MeetingId, "topic", t.Nick, t.Time, t.Line, t.Title);
        }

        await foreach (var i in db.Items.AsNoTracking().Where(i => i.RemovedAt == null).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Add(i.MeetingId, i.Kind.ToString().ToLowerInvariant(), i.Nick, i.Time, i.Line, i.Text);
        }

        await transaction.CommitAsync(cancellationToken);
        await Execute(connection, Indexes, cancellationToken);
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
