using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;

namespace MeetingTracker.Web.Configuration;

/// <summary>The <c>MeetingTracker</c> configuration section (also <c>MeetingTracker__...</c> environment variables).</summary>
public sealed class MeetingTrackerOptions
{
    public const string Section = "MeetingTracker";

    /// <summary>Database, locks and other run-time files; empty for <see cref="StorageSetup.DefaultDataDir"/>.</summary>
    public string? DataDir { get; set; }

    /// <summary><c>MeetingTracker:Database</c>: SQLite in the data folder (default) or PostgreSQL (ADR 19).</summary>
    public DatabaseOptions Database { get; set; } = new();

    public List<SourceOptions> Sources { get; } = [];

    /// <summary>E-mail addresses whose confirmed accounts are admins.</summary>
    public List<string> Admins { get; } = [];

    /// <summary>The site's public address (<c>https://meetings.example.org/</c>), for links in mail; null: the request's own.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The data folder as a full path: relative paths are taken from the content root.</summary>
    public static string ResolveDataDir(string? configured, string contentRoot)
        => string.IsNullOrWhiteSpace(configured) ? StorageSetup.DefaultDataDir() : Path.GetFullPath(configured, contentRoot);

    public SourceOptions? FindSource(string name)
        => Sources.Find(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
