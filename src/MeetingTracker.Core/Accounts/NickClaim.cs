namespace MeetingTracker.Core.Accounts;

/// <summary>Where a claim stands. Only <see cref="Verified"/> gives rights.</summary>
public enum ClaimStatus
{
    /// <summary>Waiting: for an admin, or for the logs or the OpenID Connect provider to vouch for it.</summary>
    Pending,

    Verified,

    Refused,

    /// <summary>Ended by its account's deletion or by an admin (a person belongs to at most one account).</summary>
    Ended,
}

/// <summary>How a claim was verified.</summary>
public enum ClaimVerification
{
    /// <summary>An admin approved it.</summary>
    Admin,

    /// <summary>The OpenID Connect provider's nick claim named the nick at sign-in.</summary>
    Oidc,

    /// <summary>A harvested log tied the nick to the account's confirmed e-mail address (zodbot's <c>.hello</c> answer).</summary>
    Log,
}

/// <summary>
/// An account's claim to be a person of the logs (through one of its nicks). Said-by-people data: refers to the
/// person by its stable id and survives re-reads and alias merges; a person belongs to at most one account.
/// </summary>
public sealed class NickClaim
{
    public int Id { get; set; }

    public required string AccountId { get; set; }

    public Account? Account { get; set; }

    public int PersonId { get; set; }

    /// <summary>The nick as the user claimed it.</summary>
    public required string Nick { get; set; }

    public ClaimStatus Status { get; set; }

    public ClaimVerification? VerifiedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The admin who approved or refused it, when an admin did.</summary>
    public string? DecidedByAccountId { get; set; }

    /// <summary>Why it stands as it does ("approved by admin@…", "zodbot's .hello on meeting 42", …).</summary>
    public string? Note { get; set; }
}
