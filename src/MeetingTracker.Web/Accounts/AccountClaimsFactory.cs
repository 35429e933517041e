using System.Security.Claims;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Web.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// The signed-in user's claims: Identity's, plus the shown name and, for a confirmed account whose address
/// <c>MeetingTracker:Admins</c> lists, the admin claim the <see cref="Policies.Admin"/> policy asks for.
/// </summary>
public sealed class AccountClaimsFactory(
    UserManager<Account> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> identity,
    IOptionsMonitor<MeetingTrackerOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole>(users, roles, identity)
{
    public const string AdminClaim = "mt:admin";
    public const string DisplayNameClaim = "mt:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(DisplayNameClaim, user.ShownName));
        if (IsAdmin(user, options.CurrentValue))
        {
            identity.AddClaim(new Claim(AdminClaim, "true"));
        }

        return identity;
    }

    public static bool IsAdmin(Account user, MeetingTrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        return user is { EmailConfirmed: true, Email: { } email } && user.IsActive
            && options.Admins.Exists(a => string.Equals(a.Trim(), email, StringComparison.OrdinalIgnoreCase));
    }
}
