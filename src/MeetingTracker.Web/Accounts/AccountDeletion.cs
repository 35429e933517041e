using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// Deletes an account the way the design asks: the row stays as a tombstone so that what its owner wrote stays
/// attributed (to <see cref="Account.DeletedName"/>, through <see cref="Account.ShownName"/>), while its address,
/// password, logins and Identity claims and tokens are gone, its nick claims are ended and its access tokens revoked.
/// One transaction; the security stamp changes, so other sessions end at their next validation.
/// </summary>
public sealed class AccountDeletion(TrackerDb db, UserManager<Account> users, TimeProvider clock)
{
    public const string ClaimNote = "ended: the account was deleted";

    public async Task DeleteAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        await Claims.EndAllForAsync(db, account.Id, ClaimNote, now, cancellationToken);

        foreach (var token in await db.AccessTokens.Where(t => t.AccountId == account.Id && t.RevokedAt == null).ToListAsync(cancellationToken))
        {
            token.RevokedAt = now;
        }

        // No more mail: its reminder preferences and team digests go (what it was sent stays, as the outbox's record).
        await db.ReminderPreferences.Where(p => p.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken);
        await db.TeamDigests.Where(t => t.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken);
        db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.UserId == account.Id).ToListAsync(cancellationToken));
        db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == account.Id).ToListAsync(cancellationToken));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == account.Id).ToListAsync(cancellationToken));
        db.UserRoles.RemoveRange(await db.UserRoles.Where(r => r.UserId == account.Id).ToListAsync(cancellationToken));

        // Unique and unusable: ".invalid" is reserved (RFC 2606), and no password or login leads to it.
        var tombstone = $"deleted-{account.Id}@deleted.invalid";
        account.UserName = account.Email = tombstone;
        account.NormalizedUserName = users.NormalizeName(tombstone);
        account.NormalizedEmail = users.NormalizeEmail(tombstone);
        account.EmailConfirmed = false;
        account.PasswordHash = null;
        account.PhoneNumber = null;
        account.PhoneNumberConfirmed = false;
        account.TwoFactorEnabled = false;
        account.DeletedAt = now;
        await users.UpdateSecurityStampAsync(account); // saves the account and everything above
        await transaction.CommitAsync(cancellationToken);
    }
}
