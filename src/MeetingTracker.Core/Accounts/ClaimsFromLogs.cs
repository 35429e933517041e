using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accounts;

/// <summary>
/// The logs' own word on a claim: a line from a bot of the meeting's source (a nick that answered
/// <c>#startmeeting</c>, ADR 12: behaviour, not a list of names) that is a <see cref="BotAnswer"/> tying one of the
/// person's nicks to the account's confirmed address, in any case.
/// </summary>
public static class ClaimsFromLogs
{
    /// <summary>The first such line as (meeting id, line number, meeting key), or null.</summary>
    public static async Task<(int MeetingId, int Line, string MeetingKey)?> FindAsync(TrackerDb db, int personId, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(address);
        var needle = "<" + address.Trim().ToLowerInvariant() + ">";
        var nicks = await db.PersonAliases.AsNoTracking().Where(a => a.PersonId == personId).Select(a => a.Nick).ToListAsync(cancellationToken);
        if (nicks.Count == 0) return null;

#pragma warning disable CA1304, CA1307, CA1311, CA1862 // ToLower()/Contains are translated to SQL; IRC nicks and addresses compare as ASCII.
        var lines = await (from l in db.Lines.AsNoTracking()
                           join m in db.Meetings.AsNoTracking() on l.MeetingId equals m.Id
                           where l.Text.ToLower().Contains(needle)
                               && db.SourceBots.Any(b => b.SourceId == m.SourceId && b.Nick.ToLower() == l.Nick.ToLower())
                           orderby m.StartedAt, l.Number
                           select new { l.MeetingId, l.Number, l.Text, m.MeetingKey })
            .Take(100).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1307, CA1311, CA1862

        foreach (var line in lines)
        {
            if (BotAnswer.TryParse(line.Text, out var nick, out var said)
                && string.Equals(said, address.Trim(), StringComparison.OrdinalIgnoreCase)
                && nicks.Contains(nick, StringComparer.OrdinalIgnoreCase))
            {
                return (line.MeetingId, line.Number, line.MeetingKey);
            }
        }

        return null;
    }
}
