using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accounts;

/// <summary>
/// Claims are said by people and outlive the harvested persons they name: when an alias merge or a bot's removal
/// takes a person away, its claims are carried, never dropped and never in the way of the change.
/// </summary>
public static class ClaimsOfMergedPeople
{
    public const string TurnedOutBot = "ended: the nick turned out to be the meeting bot";

    /// <summary>The claims of <paramref name="from"/> now name <paramref name="to"/>; a verified one waits for an admin when another account holds <paramref name="to"/>.</summary>
    public static async Task MoveAsync(TrackerDb db, int from, int to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var holders = await db.NickClaims.Where(c => c.PersonId == to && c.Status == ClaimStatus.Verified)
            .Select(c => c.AccountId).ToListAsync(cancellationToken);
        foreach (var claim in await db.NickClaims.Where(c => c.PersonId == from).ToListAsync(cancellationToken))
        {
            claim.PersonId = to;
            if (claim.Status == ClaimStatus.Verified && holders.Count > 0 && !holders.Contains(claim.AccountId))
            {
                claim.Status = ClaimStatus.Pending;
                claim.Note = Claims.WaitsForAdmin;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The people among <paramref name="people"/> that claims name: they stay (without aliases), their open claims ended.</summary>
    public static async Task<List<int>> KeepClaimedAsync(TrackerDb db, IReadOnlyCollection<int> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var claimed = await db.NickClaims.Where(c => people.Contains(c.PersonId)).Select(c => c.PersonId).Distinct().ToListAsync(cancellationToken);
        await db.NickClaims.Where(c => claimed.Contains(c.PersonId) && (c.Status == ClaimStatus.Pending || c.Status == ClaimStatus.Verified))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ClaimStatus.Ended).SetProperty(c => c.DecidedAt, now).SetProperty(c => c.Note, TurnedOutBot), cancellationToken);
        return claimed;
    }
}
