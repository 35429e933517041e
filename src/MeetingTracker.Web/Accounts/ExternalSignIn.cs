using System.Security.Claims;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// The end of an external sign-in: the account linked to the provider's subject; else the account with the same
/// address, when the provider says it verified the address; else a new account (its address confirmed when the provider
/// verified it). Disabled and deleted accounts are refused. Then the nicks the provider names are claimed
/// (<see cref="OidcNickClaims"/>).
/// </summary>
public sealed partial class ExternalSignIn(
    SignInManager<Account> signIn,
    UserManager<Account> users,
    TrackerDb db,
    OidcNickClaims nickClaims,
    IOptions<OidcOptions> options,
    AccountMail mail,
    TimeProvider clock,
    ILogger<ExternalSignIn> logger)
{
    /// <summary>Signs the user in; returns null, or why not (for the user).</summary>
    public async Task<string?> SignInAsync(CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return "The sign-in with the provider expired or did not finish; please try again.";
        }

        var (account, error) = await FindOrCreateAsync(info);
        if (account is null)
        {
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
            return error;
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (!result.Succeeded)
        {
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
            return result.IsLockedOut ? "This account is locked for a while after too many failed sign-ins."
                : result.IsNotAllowed ? "Please confirm your e-mail address first: the provider did not say it verified it."
                : "Signing in did not succeed.";
        }

        if (options.Value.NickClaim is { Length: > 0 } claimType)
        {
            var nicks = OidcNickClaims.ParseNicks(info.Principal.FindAll(claimType).Select(c => c.Value));
            var changed = await nickClaims.ApplyAsync(db, account.Id, nicks, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            LogNicks(account.Id, nicks.Count, changed.Count);
        }

        return null;
    }

    private async Task<(Account? Account, string? Error)> FindOrCreateAsync(ExternalLoginInfo info)
    {
        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var verified = bool.TryParse(info.Principal.FindFirstValue("email_verified"), out var v) && v;
        if (await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) is { } linked)
        {
            if (!linked.IsActive)
            {
                return (null, "This account is disabled.");
            }

            if (!linked.EmailConfirmed && verified && string.Equals(linked.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                // The provider has verified the address since the account was made.
                linked.EmailConfirmed = true;
                await users.UpdateAsync(linked);
            }

            return (linked, null);
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            return (null, "The provider did not give an e-mail address.");
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (!verified)
            {
                return (null, "An account with this e-mail address exists, and the provider did not verify the address: sign in with your password.");
            }

            if (!existing.IsActive)
            {
                return (null, "This account is disabled.");
            }

            if (!existing.EmailConfirmed)
            {
                // Someone registered the address without confirming it: the provider proves whose it is, and a password
                // set by whoever registered it must not open the account.
                existing.EmailConfirmed = true;
                await users.RemovePasswordAsync(existing);
            }

            return await LinkAsync(existing, info);
        }

        var account = new Account
        {
            UserName = email,
            Email = email,
            EmailConfirmed = verified,
            DisplayName = DisplayName(info.Principal, email),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            return (null, "The account could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        LogCreated(account.Id, info.LoginProvider, verified);
        if (!verified)
        {
            // Nobody proved the address yet: the user can prove it as a registering user does, by the mailed link.
            mail.Confirm(db, signIn.Context, email, account.Id, await users.GenerateEmailConfirmationTokenAsync(account));
            await db.SaveChangesAsync();
        }

        return await LinkAsync(account, info);
    }

    private async Task<(Account?, string?)> LinkAsync(Account account, ExternalLoginInfo info)
    {
        var linked = await users.AddLoginAsync(account, info);
        return linked.Succeeded ? (account, null) : (null, "The provider's login could not be linked: " + string.Join(" ", linked.Errors.Select(e => e.Description)));
    }

    private static string DisplayName(ClaimsPrincipal principal, string email)
    {
        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue("nickname") ?? principal.FindFirstValue("preferred_username") ?? email.Split('@')[0];
        return name.Length <= 100 ? name : name[..100];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "account {AccountId} created at its first sign-in with {Provider} (address verified: {Verified})")]
    private partial void LogCreated(string accountId, string provider, bool verified);

    [LoggerMessage(Level = LogLevel.Information, Message = "account {AccountId} signed in with {Nicks} nicks from the provider, {Changed} claims added or verified")]
    private partial void LogNicks(string accountId, int nicks, int changed);
}
