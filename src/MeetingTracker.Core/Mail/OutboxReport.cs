using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Mail;

/// <summary>One message that needs an admin's eye: failed, or of unknown fate.</summary>
public sealed record OutboxProblem(
    long Id, string Kind, string To, string Subject, OutboxStatus Status, int Attempts, DateTimeOffset CreatedAt, string? LastError);

/// <summary>The outbox at a glance, for the admin page: how many messages stand where, and the latest problems.</summary>
public sealed record OutboxReport(IReadOnlyDictionary<OutboxStatus, int> Counts, DateTimeOffset? OldestPendingAt, IReadOnlyList<OutboxProblem> Problems)
{
    public static async Task<OutboxReport> LoadAsync(TrackerDb db, int problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counts = Enum.GetValues<OutboxStatus>().ToDictionary(s => s, _ => 0);
        var grouped = await db.Outbox.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var g in grouped)
        {
            counts[g.Key] = g.Count;
        }

        var oldest = await db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var latest = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Unknown)
            .OrderByDescending(m => m.Id).Take(problems)
            .Select(m => new OutboxProblem(m.Id, m.Kind, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.LastError))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new OutboxReport(counts, oldest, latest);
    }
}
