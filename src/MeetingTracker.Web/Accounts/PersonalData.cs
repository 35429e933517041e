using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// A part of "download my data" that another feature owns (what the account wrote: action and idea events,
/// preferences, …). Register one as a scoped <see cref="IPersonalDataSection"/>: the download adds its
/// <see cref="CollectAsync"/> answer under <see cref="Name"/>.
/// </summary>
public interface IPersonalDataSection
{
    string Name { get; }

    Task<object> CollectAsync(Account account, CancellationToken cancellationToken);
}

/// <summary>Everything the site holds about an account, as one JSON document. Token hashes are never part of it.</summary>
public sealed class PersonalData(TrackerDb db, IEnumerable<IPersonalDataSection> sections, TimeProvider clock)
{
    public async Task<Dictionary<string, object?>> CollectAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == account.Id)
            .Select(l => new { l.LoginProvider, l.ProviderDisplayName }).ToListAsync(cancellationToken);
        var claims = (await db.NickClaims.AsNoTracking().Where(c => c.AccountId == account.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => new { c.Nick, c.PersonId, Status = c.Status.ToString(), VerifiedBy = c.VerifiedBy?.ToString(), c.CreatedAt, c.DecidedAt, c.Note });
        var tokens = await db.AccessTokens.AsNoTracking().Where(t => t.AccountId == account.Id).OrderBy(t => t.Id)
            .Select(t => new { t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt })
            .ToListAsync(cancellationToken);
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["account"] = new
            {
                account.Id,
                account.Email,
                account.EmailConfirmed,
                account.DisplayName,
                account.CreatedAt,
                account.DisabledAt,
                account.LockoutEnd,
                account.AccessFailedCount,
                Logins = logins,
            },
            ["nickClaims"] = claims,
            ["accessTokens"] = tokens,
        };
        foreach (var section in sections)
        {
            data[section.Name] = await section.CollectAsync(account, cancellationToken);
        }

        return data;
    }
}
