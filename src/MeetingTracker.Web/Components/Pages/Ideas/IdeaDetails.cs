using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Ideas;

/// <summary>Everything /ideas/{id} and GET /api/ideas/{id} show of one idea.</summary>
/// <param name="Links">Implementation links people added (http(s) only, as <see cref="EventRules.LinkProblem"/> checks).</param>
/// <param name="References">The projects and tickets the idea names (<see cref="Projects.ItemReferences"/>).</param>
public sealed record IdeaDetail(IdeaRow Row, IdeaTrail Trail, IdeaRecord Record, IReadOnlyList<string> Links, IReadOnlyList<HistoryEntry> History, Projects.ReferencedText References);

/// <summary>One idea, whole: its row as the list shows it, its implementation links and its history.</summary>
public sealed class IdeaDetails(ActionStandings standings, IDbContextFactory<TrackerDb> dbFactory, Projects.ItemReferences references)
{
    public async Task<IdeaDetail?> FindAsync(int ideaId, CancellationToken cancellationToken)
    {
        var now = await standings.ReadAsync(cancellationToken);
        if (now.Snapshot.Idea(ideaId) is not { } trail) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teamId = trail.TeamId;
        var teams = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new AccountabilityLookups.TeamRow(t.Id, t.Key, t.Name)).ToListAsync(cancellationToken);
        var row = (await IdeaQueries.RowsAsync(db, teams, [trail], now.Ledger, cancellationToken))[0];
        var record = now.Ledger.Idea(ideaId);
        var names = await OwnerResolver.LoadAsync(db, record.Events.Select(e => new OwnerRef(e.AccountId, null)), cancellationToken);
        var (meetingId, number) = (row.MeetingId, row.ItemNumber);
        var line = await db.Items.AsNoTracking().Where(i => i.MeetingId == meetingId && i.Number == number).Select(i => i.Line).FirstOrDefaultAsync(cancellationToken);
        var referenced = await references.ReadAsync(db, teamId, row.Text, [(meetingId, number, line)], cancellationToken);
        return new IdeaDetail(row, trail, record, record.Links, HistoryEntry.Of(record.Events, names), referenced);
    }
}
