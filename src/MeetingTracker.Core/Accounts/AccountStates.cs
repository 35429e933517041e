using Microsoft.AspNetCore.Identity;

namespace MeetingTracker.Core.Accounts;

/// <summary>
/// An admin disables or enables an account (web and CLI alike). Disabling locks it out for good and changes its
/// security stamp, so its sessions end at their next check and its tokens stop at once.
/// </summary>
public static class AccountStates
{
    public static async Task DisableAsync(UserManager<Account> users, Account account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(account);
        account.DisabledAt ??= now;
        Check(await users.SetLockoutEnabledAsync(account, true).ConfigureAwait(false));
        Check(await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue).ConfigureAwait(false));
        Check(await users.UpdateSecurityStampAsync(account).ConfigureAwait(false));
    }

    public static async Task EnableAsync(UserManager<Account> users, Account account)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(account);
        account.DisabledAt = null;
        Check(await users.SetLockoutEndDateAsync(account, null).ConfigureAwait(false));
        Check(await users.UpdateSecurityStampAsync(account).ConfigureAwait(false));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
