namespace MeetingTracker.Core.Accounts;

/// <summary>
/// A token for scripts and bots (<c>Authorization: Bearer …</c> on /api). Only its SHA-256 hash is stored; the
/// token itself is shown once, when created.
/// </summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }

    public required string AccountId { get; set; }

    public Account? Account { get; set; }

    /// <summary>The user's name for it, unique per account.</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string Hash { get; set; }

    /// <summary>The token's first characters, to tell tokens apart on the account page.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
