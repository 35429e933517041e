using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Meetings;

/// <summary>
/// Undoes what an earlier read stored for a nick now known as a bot (ADR 12), inside the transaction of the re-read
/// that knows it. In the source's meetings the bot's attendance and ownerships go, its lines and items keep their text
/// and nick with no person. Its alias goes once nothing outside the source still refers to the nick (another source
/// where it is not, or not yet, known as a bot keeps it), and its person once no alias is left: a person that a
/// non-bot nick still uses is never deleted.
/// </summary>
internal static class BotPeople
{
    /// <summary>Returns true when the nick's alias was deleted (the caller's directory should forget it).</summary>
    public static async Task<bool> RemoveAsync(TrackerDb db, int sourceId, string nick, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lower = nick.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() is translated to SQL lower() on every provider; IRC nicks are ASCII.
        var aliases = await db.PersonAliases.Where(a => a.Nick.ToLower() == lower).Select(a => new { a.Id, a.PersonId }).ToListAsync(cancellationToken);
        if (aliases.Count == 0) return false;
        var people = aliases.Select(a => a.PersonId).Distinct().ToList();
        var meetings = db.Meetings.Where(m => m.SourceId == sourceId).Select(m => m.Id);
        await db.Attendance.Where(a => meetings.Contains(a.MeetingId) && people.Contains(a.PersonId) && a.Nick.ToLower() == lower).ExecuteDeleteAsync(cancellationToken);
        await db.ItemOwners.Where(o => people.Contains(o.PersonId) && o.Nick.ToLower() == lower && db.Items.Any(i => i.Id == o.ItemId && meetings.Contains(i.MeetingId)))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Lines.Where(l => meetings.Contains(l.MeetingId) && people.Contains(l.PersonId!.Value) && l.Nick.ToLower() == lower)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.PersonId, (int?)null), cancellationToken);
        await db.Items.Where(i => meetings.Contains(i.MeetingId) && people.Contains(i.PersonId!.Value) && i.Nick.ToLower() == lower)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.PersonId, (int?)null), cancellationToken);

        var usedElsewhere = await db.Attendance.AnyAsync(a => people.Contains(a.PersonId) && a.Nick.ToLower() == lower, cancellationToken)
            || await db.ItemOwners.AnyAsync(o => people.Contains(o.PersonId) && o.Nick.ToLower() == lower, cancellationToken)
            || await db.Lines.AnyAsync(l => people.Contains(l.PersonId!.Value) && l.Nick.ToLower() == lower, cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        if (usedElsewhere) return false;

        var aliasIds = aliases.Select(a => a.Id).ToList();
        await db.PersonAliases.Where(a => aliasIds.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        var orphans = await db.People.Where(p => people.Contains(p.Id) && !db.PersonAliases.Any(a => a.PersonId == p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (orphans.Count > 0)
        {
            // No alias left: whatever still points at the person was said under the bot's nick.
            await db.Attendance.Where(a => orphans.Contains(a.PersonId)).ExecuteDeleteAsync(cancellationToken);
            await db.ItemOwners.Where(o => orphans.Contains(o.PersonId)).ExecuteDeleteAsync(cancellationToken);
            await db.Lines.Where(l => orphans.Contains(l.PersonId!.Value)).ExecuteUpdateAsync(s => s.SetProperty(l => l.PersonId, (int?)null), cancellationToken);
            await db.Items.Where(i => orphans.Contains(i.PersonId!.Value)).ExecuteUpdateAsync(s => s.SetProperty(i => i.PersonId, (int?)null), cancellationToken);
            // A person someone claimed stays (without aliases), its claims ended: what people said is never dropped.
            var claimed = await ClaimsOfMergedPeople.KeepClaimedAsync(db, orphans, now, cancellationToken);
            await db.People.Where(p => orphans.Contains(p.Id) && !claimed.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return true;
    }
}
