namespace MeetingTracker.Core.Reminders;

/// <summary>How often an account's personal digest comes.</summary>
public enum DigestFrequency
{
    Weekly,
    Daily,
    Off,
}

/// <summary>
/// An account's reminder preferences (said by people: never touched by a harvest). An account without a row has the
/// defaults: weekly, Monday 08:00 UTC.
/// </summary>
public sealed class ReminderPreferences
{
    public const string DefaultTimeZone = "UTC";
    public const int DefaultHour = 8;

    public required string AccountId { get; set; }

    public DigestFrequency Frequency { get; set; }

    /// <summary>The day of a weekly digest.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>The hour (0 to 23) in <see cref="TimeZone"/>.</summary>
    public int Hour { get; set; } = DefaultHour;

    /// <summary>An IANA time zone name (<c>Europe/Berlin</c>).</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>When the account last changed them: a digest is due only for a moment after this.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public static ReminderPreferences Default(string accountId, DateTimeOffset since) => new() { AccountId = accountId, UpdatedAt = since };
}

/// <summary>A chair's wish to get a team's digest in the week before the team's next meeting.</summary>
public sealed class TeamDigestSubscription
{
    public required string AccountId { get; set; }

    public int TeamId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One digest composed for one account, kind and period: the unique key that makes reminders exactly-once. The row and
/// its outbox message are saved in one transaction; a second run, a retry or another node finds the row (or fails on
/// the key) and queues nothing. <see cref="OutboxMessageId"/> is null when there was nothing to say.
/// </summary>
public sealed class DigestRecord
{
    public long Id { get; set; }

    public required string AccountId { get; set; }

    /// <summary><see cref="DigestKinds.Personal"/>, or <see cref="DigestKinds.Team"/> with the team's id.</summary>
    public required string Kind { get; set; }

    /// <summary>The period the digest stands for: the local date of its slot (personal) or of the team's next meeting.</summary>
    public required string Period { get; set; }

    public DateTimeOffset ComposedAt { get; set; }

    public long? OutboxMessageId { get; set; }

    public Mail.OutboxMessage? OutboxMessage { get; set; }

    /// <summary>How many actions and ideas it listed.</summary>
    public int Items { get; set; }
}

/// <summary>A one-click answer that was applied: the token's nonce, so the link works once.</summary>
public sealed class ReminderTokenUse
{
    public required string Nonce { get; set; }

    public required string AccountId { get; set; }

    public DateTimeOffset UsedAt { get; set; }

    /// <summary>The accountability event the answer appended.</summary>
    public long EventId { get; set; }
}

/// <summary>The kinds of digest (<see cref="DigestRecord.Kind"/>, the outbox's <c>Kind</c>).</summary>
public static class DigestKinds
{
    public const string Personal = "digest";
    public const string TeamPrefix = "team-digest/";

    public static string Team(int teamId) => TeamPrefix + teamId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int? TeamOf(string kind)
        => kind.StartsWith(TeamPrefix, StringComparison.Ordinal) && int.TryParse(kind.AsSpan(TeamPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
