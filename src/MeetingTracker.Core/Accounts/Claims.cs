using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accounts;

/// <summary>
/// Nick claims, pure of HTTP (the web host, the CLI and the harvest hook call these). A claim gives rights only when
/// <see cref="ClaimStatus.Verified"/>: by an admin, by the OpenID Connect nick claim (<c>OidcNickClaims</c>) or by the
/// logs (<see cref="ClaimsFromLogs"/>). A person belongs to at most one account: a claim of a person verified for
/// another account waits for an admin, whatever the logs say.
/// </summary>
public static class Claims
{
    public const string WaitsForAdmin = "this person is verified for another account: an admin decides";

    /// <summary>
    /// The account claims the person who uses <paramref name="nick"/> (any case). Returns its open claim of that person
    /// when it has one; otherwise a new claim, verified at once when a log vouches for it.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such active account, or no person uses the nick.</exception>
    public static async Task<NickClaim> ClaimAsync(TrackerDb db, string accountId, string nick, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(nick);
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is not { IsActive: true }) throw new InvalidOperationException("no such active account");
        var trimmed = nick.Trim();
        var lower = trimmed.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); IRC nicks are ASCII.
        var personId = await db.PersonAliases.Where(a => a.Nick.ToLower() == lower).Select(a => (int?)a.PersonId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"no person uses the nick '{trimmed}'");
#pragma warning restore CA1304, CA1311, CA1862
        var open = await db.NickClaims.FirstOrDefaultAsync(
            c => c.AccountId == accountId && c.PersonId == personId && (c.Status == ClaimStatus.Pending || c.Status == ClaimStatus.Verified), cancellationToken);
        if (open is not null) return open;

        var claim = new NickClaim { AccountId = accountId, PersonId = personId, Nick = trimmed, Status = ClaimStatus.Pending, CreatedAt = now };
        db.NickClaims.Add(claim);
        await CheckLogsAsync(db, claim, account, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return claim;
    }

    /// <summary>Verifies every pending claim a log vouches for (after a harvest, an alias edit). Returns how many.</summary>
    public static async Task<int> VerifyPendingFromLogsAsync(TrackerDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = await db.NickClaims.Include(c => c.Account).Where(c => c.Status == ClaimStatus.Pending).ToListAsync(cancellationToken);
        var verified = 0;
        foreach (var claim in pending)
        {
            if (await CheckLogsAsync(db, claim, claim.Account!, now, cancellationToken)) verified++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return verified;
    }

    /// <summary>An admin approves a waiting claim; the person's verified claim of another account, if any, ends.</summary>
    public static async Task<NickClaim> ApproveAsync(TrackerDb db, int claimId, string? adminId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = await WaitingAsync(db, claimId, cancellationToken);
        var others = await db.NickClaims
            .Where(c => c.PersonId == claim.PersonId && c.AccountId != claim.AccountId && c.Status == ClaimStatus.Verified).ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            Decide(other, ClaimStatus.Ended, adminId, now, "an admin gave this person to another account");
        }

        Decide(claim, ClaimStatus.Verified, adminId, now, "approved by an admin");
        claim.VerifiedBy = ClaimVerification.Admin;
        await db.SaveChangesAsync(cancellationToken);
        return claim;
    }

    /// <summary>An admin refuses a waiting claim.</summary>
    public static async Task<NickClaim> RefuseAsync(TrackerDb db, int claimId, string? adminId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = await WaitingAsync(db, claimId, cancellationToken);
        Decide(claim, ClaimStatus.Refused, adminId, now, "refused by an admin");
        await db.SaveChangesAsync(cancellationToken);
        return claim;
    }

    /// <summary>Ends every pending or verified claim of the account (its deletion); returns how many ended.</summary>
    public static Task<int> EndAllForAsync(TrackerDb db, string accountId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.NickClaims
            .Where(c => c.AccountId == accountId && (c.Status == ClaimStatus.Pending || c.Status == ClaimStatus.Verified))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ClaimStatus.Ended).SetProperty(c => c.DecidedAt, now).SetProperty(c => c.Note, reason), cancellationToken);
    }

    /// <summary>The people the account's verified claims give it (what the owner and chair rules ask).</summary>
    public static Task<List<int>> VerifiedPeopleAsync(TrackerDb db, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.NickClaims.AsNoTracking().Where(c => c.AccountId == accountId && c.Status == ClaimStatus.Verified)
            .Select(c => c.PersonId).Distinct().ToListAsync(cancellationToken);
    }

    private static async Task<bool> CheckLogsAsync(TrackerDb db, NickClaim claim, Account account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.NickClaims.AnyAsync(c => c.PersonId == claim.PersonId && c.AccountId != claim.AccountId && c.Status == ClaimStatus.Verified, cancellationToken))
        {
            claim.Note = WaitsForAdmin;
            return false;
        }

        if (account is not { IsActive: true, EmailConfirmed: true, Email: { Length: > 0 } email }) return false;
        if (await ClaimsFromLogs.FindAsync(db, claim.PersonId, email, cancellationToken) is not { } found) return false;
        Decide(claim, ClaimStatus.Verified, null, now, $"the meeting bot tied the nick to the account's address in meeting {found.MeetingId} ({found.MeetingKey}, line {found.Line})");
        claim.VerifiedBy = ClaimVerification.Log;
        return true;
    }

    private static async Task<NickClaim> WaitingAsync(TrackerDb db, int claimId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var claim = await db.NickClaims.SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken)
            ?? throw new InvalidOperationException($"no claim {claimId}");
        return claim.Status == ClaimStatus.Pending ? claim : throw new InvalidOperationException($"claim {claimId} is {claim.Status.ToString().ToLowerInvariant()}, not waiting");
    }

    private static void Decide(NickClaim claim, ClaimStatus status, string? adminId, DateTimeOffset now, string note)
    {
        claim.Status = status;
        claim.DecidedAt = now;
        claim.DecidedByAccountId = adminId;
        claim.Note = note;
    }
}
