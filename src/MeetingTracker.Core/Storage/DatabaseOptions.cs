namespace MeetingTracker.Core.Storage;

/// <summary>The database engines the tracker runs on (ADR 19).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file in the data folder.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by any number of web nodes.</summary>
    PostgreSql,
}

/// <summary>
/// <c>MeetingTracker:Database</c>: which engine holds the data, and where. SQLite without a connection string is the data
/// folder's <see cref="StorageSetup.DatabaseFileName"/>; PostgreSQL needs one (Npgsql's keywords: <c>Host=…;Database=…;
/// Username=…;Password=…</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "MeetingTracker:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    /// <summary>The embedded default over a data folder.</summary>
    public static DatabaseOptions Default { get; } = new();

    /// <summary>
    /// What is wrong with these settings, or null: PostgreSQL without a connection string, or a connection string that
    /// its provider cannot read.
    /// </summary>
    public string? Problem()
    {
        if (!Enum.IsDefined(Provider)) return $"{Section}:Provider must be Sqlite or PostgreSql.";
        if (IsPostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            return $"{Section}:ConnectionString is required when {Section}:Provider is PostgreSql (Host=…;Database=…;Username=…;Password=…).";
        }

        if (string.IsNullOrWhiteSpace(ConnectionString)) return null;
        try
        {
            _ = IsPostgreSql
                ? new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).ToString()
                : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).ToString();
            return null;
        }
        catch (ArgumentException e)
        {
            return $"{Section}:ConnectionString cannot be read as {Provider}'s: {e.Message}";
        }
    }

    /// <summary>
    /// The settings <see cref="Section"/> of <paramref name="configuration"/> holds (the web host and the command line read
    /// the same keys), or the reason they cannot work as an options validation failure (a start or a command stops with it).
    /// </summary>
    public static DatabaseOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = Microsoft.Extensions.Configuration.ConfigurationBinder.Get<DatabaseOptions>(configuration.GetSection(Section)) ?? new DatabaseOptions();
        return database.Problem() is { } problem
            ? throw new Microsoft.Extensions.Options.OptionsValidationException(Section, typeof(DatabaseOptions), [problem])
            : database;
    }

    /// <summary>
    /// A database named on the command line: <c>sqlite:PATH</c> (a database file, or a data folder holding
    /// <see cref="StorageSetup.DatabaseFileName"/>) or <c>postgres:CONNECTION-STRING</c> (also <c>postgresql:</c>).
    /// </summary>
    /// <exception cref="FormatException">Neither form.</exception>
    public static DatabaseOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? text[..colon] : "";
        var rest = colon > 0 ? text[(colon + 1)..] : "";
        if (rest.Length == 0) throw new FormatException($"'{text}': give sqlite:PATH or postgres:CONNECTION-STRING.");
        if (scheme.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var file = Directory.Exists(rest) ? Path.Combine(rest, StorageSetup.DatabaseFileName) : rest;
            return new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = StorageSetup.SqliteConnectionString(Path.GetFullPath(file)) };
        }

        if (scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) || scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = rest };
            if (options.Problem() is { } problem) throw new FormatException(problem);
            return options;
        }

        throw new FormatException($"'{text}': give sqlite:PATH or postgres:CONNECTION-STRING.");
    }

    /// <summary>Where the data is, for messages: never a password.</summary>
    public string Describe(string dataDir)
    {
        if (!IsPostgreSql) return StorageSetup.SqliteFile(this, dataDir);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database {b.Database} on {b.Host}:{b.Port}";
    }
}
