using Microsoft.AspNetCore.Identity;

namespace MeetingTracker.Core.Accounts;

/// <summary>
/// Someone who signs in (ASP.NET Core Identity's user, in our database). Said-by-people data: never touched by a
/// harvest. A deleted account is kept as a tombstone (<see cref="DeletedAt"/>) so that what its owner wrote stays,
/// attributed to <see cref="DeletedName"/>, while its e-mail address, password, logins and claims are gone.
/// </summary>
public sealed class Account : IdentityUser
{
    public const string DeletedName = "deleted account";

    /// <summary>The name shown beside what the account wrote; the e-mail address's local part until the user sets one.</summary>
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by an admin: a disabled account cannot sign in or use its tokens.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public bool IsActive => DisabledAt is null && DeletedAt is null;

    public string ShownName => DeletedAt is null ? DisplayName : DeletedName;
}
