using System.ComponentModel.DataAnnotations;

namespace MeetingTracker.Core.Harvesting;

/// <summary>One configured source (<c>MeetingTracker:Sources:N</c>).</summary>
public sealed class SourceOptions
{
    /// <summary>Unique name; also the id of its recurring job.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "Name: letters, digits, '.', '_' and '-' only.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>A folder path (relative paths from the content root) or an http(s) URL of the listing root.</summary>
    [Required]
    public string Location { get; set; } = string.Empty;

    /// <summary>Cron expression (5 fields, or 6 with seconds), UTC.</summary>
    public string Schedule { get; set; } = "*/30 * * * *";

    /// <summary>Glob patterns (<c>*</c>, <c>?</c>) on channel folders or meeting names; empty means all.</summary>
    public List<string> Include { get; } = [];

    /// <summary>Glob patterns on channel folders or meeting names to skip (e.g. Fedora's <c>teams</c> symlink tree).</summary>
    public List<string> Exclude { get; } = [];

    /// <summary>
    /// Nicks that are bots in this source besides the one its logs show answering <c>#startmeeting</c> (found by
    /// itself): channel bots, notifiers. Never people, attendees or owners; MeetBot's own lists keep them.
    /// </summary>
    public List<string> Bots { get; } = [];

    /// <summary>Meetings before this day are not harvested (folders dated earlier are not even listed).</summary>
    public DateOnly? Since { get; set; }

    /// <summary>Files fetched (and meetings read) at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>HTTP requests per second at most; 0 for no limit.</summary>
    [Range(0, 10_000)]
    public double RequestsPerSecond { get; set; } = 20;

    /// <summary>Larger files are recorded as failed, not fetched.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Time-out of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts of one HTTP request on 5xx or time-out (first try included).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Base delay of the exponential back-off between attempts (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsHttp => Uri.TryCreate(Location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
