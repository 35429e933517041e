using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// The bots of one source during a run (ADR 12): the nicks its logs showed behaving as the bot (stored as
/// <see cref="SourceBot"/>, learned again from every log read) and the ones its configuration names. A meeting's bots
/// are its own log's plus these, so a minutes-only meeting, which cannot show its bot, leaves it out as well.
/// Nicks compare case-insensitively, as IRC servers compare them. Used under the store's single writer.
/// </summary>
internal sealed class SourceBotSet
{
    private readonly int sourceId;
    private readonly HashSet<string> known = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> unsaved = [];

    private SourceBotSet(int sourceId) => this.sourceId = sourceId;

    public IReadOnlyCollection<string> Nicks => known;

    public static async Task<SourceBotSet> LoadAsync(TrackerDb db, int sourceId, IEnumerable<string> configured, CancellationToken cancellationToken)
    {
        var set = new SourceBotSet(sourceId);
        set.known.UnionWith(await db.SourceBots.AsNoTracking().Where(b => b.SourceId == sourceId).Select(b => b.Nick).ToListAsync(cancellationToken));
        set.known.UnionWith(configured.Select(n => n.Trim()).Where(n => n.Length > 0));
        return set;
    }

    /// <summary>
    /// The bots of one meeting: those its log showed, and the source's (learned by earlier meetings of the same
    /// transaction too: they are stored together or not at all).
    /// </summary>
    public IReadOnlySet<string> Of(ParsedMeeting parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var bots = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        bots.UnionWith(pending);
        bots.UnionWith(parsed.Bots);
        return bots;
    }

    /// <summary>Remembers the bots this meeting's log showed that the source did not know yet (stored by <see cref="SaveNewAsync"/>).</summary>
    public void Learn(ParsedMeeting parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        foreach (var nick in parsed.Bots.Where(n => !known.Contains(n) && pending.Add(n)))
        {
            unsaved.Add(nick);
        }
    }

    /// <summary>Inserts the bots learned since the last save, in the caller's transaction.</summary>
    public async Task SaveNewAsync(RowInserts rows, CancellationToken cancellationToken)
    {
        foreach (var nick in unsaved) await rows.InsertAsync(new SourceBot { SourceId = sourceId, Nick = nick }, readKey: false, cancellationToken);
        unsaved.Clear();
    }

    /// <summary>The transaction that stored the learned bots committed: they are the source's from now on.</summary>
    public void Commit()
    {
        known.UnionWith(pending);
        pending.Clear();
        unsaved.Clear();
    }

    /// <summary>The transaction was rolled back: forget what it learned.</summary>
    public void Discard()
    {
        pending.Clear();
        unsaved.Clear();
    }

    /// <summary>
    /// Stored meetings of the source that still count one of its bots as an attendee: read before the bot was known
    /// (a minutes-only meeting harvested before a log showed its bot, a nick configured later). They are read again.
    /// </summary>
    public async Task<HashSet<int>> StaleMeetingsAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (known.Count == 0) return [];
        var lower = known.Select(n => n.ToLowerInvariant()).ToList();
#pragma warning disable CA1304, CA1311 // Translated to SQL lower() on every provider; IRC nicks are ASCII.
        var ids = await db.Attendance.AsNoTracking()
            .Where(a => lower.Contains(a.Nick.ToLower()))
#pragma warning restore CA1304, CA1311
            .Join(db.Meetings.Where(m => m.SourceId == sourceId), a => a.MeetingId, m => m.Id, (a, m) => m.Id)
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. ids];
    }
}
