using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Topics;

/// <summary>
/// Makes a team's agenda (<see cref="Agenda"/>) from what the site knows now, for the page, the API and the command
/// line alike:
/// <list type="bullet">
/// <item>its routine topics (<see cref="TopicCatalog"/>) in their usual order: those of the first half of its meetings
/// open, those of the second half close (<see cref="Agenda.DefaultClosing"/> when none does);</item>
/// <item>its follow-up topic: the routine topic under which its carried actions come back most often (its own words
/// for it), else <see cref="Agenda.DefaultFollowUp"/>; under it every action that is not done, dropped or won't-do
/// (open, overdue, in progress, asking for help, released), oldest first, with owners and state;</item>
/// <item>ideas no one has decided on (proposed, without a champion) within the follow-up window;</item>
/// <item>the topics its last meeting left open: the subjects (not routine) under which nothing was agreed, accepted or
/// rejected.</item>
/// </list>
/// </summary>
public sealed class AgendaReader(IDbContextFactory<TrackerDb> dbFactory, AccountabilityService accountability, EventLedger ledger)
{
    private static readonly ItemKind[] Decisions = [ItemKind.Agreed, ItemKind.Accepted, ItemKind.Rejected];

    /// <summary>The agenda of the team, its links under <paramref name="site"/>.</summary>
    public async Task<Agenda> ReadAsync(int teamId, Uri site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Key, t.Name }).SingleAsync(cancellationToken);
        var topics = await TopicCatalog.ReadAsync(db, teamId, cancellationToken);
        string TopicUrl(TeamTopic t) => SitePaths.Absolute(site, SitePaths.TeamTopic(team.Key, t.Slug));

        var followUp = await FollowUpTopicAsync(db, teamId, topics, cancellationToken);
        var routine = topics.Where(t => t.Routine && t.Key != followUp?.Key).OrderBy(t => t.Position).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var opening = routine.Where(t => t.Position < 0.5).Select(t => new AgendaTopic(t.Title, TopicUrl(t))).ToList();
        var closing = routine.Where(t => t.Position >= 0.5).Select(t => new AgendaTopic(t.Title, TopicUrl(t))).ToList();
        if (closing.Count == 0) closing.Add(new AgendaTopic(Agenda.DefaultClosing, null));

        var now = accountability.Now();
        var snapshot = await accountability.SnapshotAsync(cancellationToken);
        var view = await ledger.ReadAsync(cancellationToken);
        var open = snapshot.Actions.Where(c => c.TeamId == teamId)
            .Select(c => ActionStanding.Of(c, view.Action(c.Id), now, accountability.DueDays))
            .Where(s => !s.State.IsClosed())
            .OrderBy(s => s.Chain.First.Time).ThenBy(s => s.Id)
            .ToList();
        var owners = await OwnerLinks.OfAsync(db, open, cancellationToken);
        var actions = open.Select(s => new AgendaAction(
            s.Id, s.Chain.Text, [.. owners[s.Id].Select(o => o.Nick)], s.State.Name(), s.Chain.First.Time, SitePaths.Absolute(site, SitePaths.Action(s.Id)))).ToList();

        var ideas = snapshot.Ideas
            .Where(i => i.TeamId == teamId && now - i.Idea.Time <= TimeSpan.FromDays(accountability.FollowUpDays))
            .Where(i => view.Idea(i.Idea.ItemId) is { Champion: null } record && (record.State ?? IdeaState.Proposed) == IdeaState.Proposed)
            .OrderBy(i => i.Idea.Time).ThenBy(i => i.Idea.ItemId)
            .Select(i => new AgendaIdea(i.Idea.ItemId, i.Idea.Text, i.Idea.Nick, i.Idea.Time, SitePaths.Absolute(site, SitePaths.Idea(i.Idea.ItemId))))
            .ToList();

        var leftOpen = await LeftOpenAsync(db, teamId, topics, cancellationToken);
        return new Agenda(
            team.Key, team.Name, SitePaths.Absolute(site, SitePaths.TeamAgenda(team.Key)),
            opening,
            followUp is null ? new AgendaTopic(Agenda.DefaultFollowUp, null) : new AgendaTopic(followUp.Title, TopicUrl(followUp)),
            actions, ideas,
            [.. leftOpen.Select(t => new AgendaTopic(t.Title, TopicUrl(t)))],
            closing);
    }

    // The routine topic under which most actions come back (an #action whose text an earlier meeting of the team had).
    private static async Task<TeamTopic?> FollowUpTopicAsync(TrackerDb db, int teamId, IReadOnlyList<TeamTopic> topics, CancellationToken cancellationToken)
    {
        var routine = topics.Where(t => t.Routine).ToList();
        if (routine.Count == 0) return null;
        var actions = await db.Items.AsNoTracking()
            .Where(i => i.Kind == ItemKind.Action && i.RemovedAt == null && i.Meeting!.TeamId == teamId)
            .Select(i => new { i.MeetingId, i.Meeting!.StartedAt, i.TopicOrdinal, i.Text })
            .ToListAsync(cancellationToken);
        var titles = (await db.Topics.AsNoTracking()
            .Join(db.Meetings.Where(m => m.TeamId == teamId), t => t.MeetingId, m => m.Id, (t, m) => new { t.MeetingId, t.Ordinal, t.Title })
            .ToListAsync(cancellationToken))
            .ToDictionary(t => (t.MeetingId, t.Ordinal), t => TopicTitle.Of(t.Title).Key);
        var startedAt = actions.GroupBy(a => a.MeetingId).ToDictionary(g => g.Key, g => g.First().StartedAt);
        var back = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var action in FollowUpTopics.ComeBacks(actions, a => a.MeetingId, id => startedAt[id], a => a.Text))
        {
            if (action.TopicOrdinal is { } o && titles.TryGetValue((action.MeetingId, o), out var key)) back[key] = back.GetValueOrDefault(key) + 1;
        }

        return routine.Where(t => back.GetValueOrDefault(t.Key) > 0)
            .OrderByDescending(t => back[t.Key]).ThenBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault();
    }

    // The subjects of the team's last meeting under which nothing was decided.
    private static async Task<List<TeamTopic>> LeftOpenAsync(TrackerDb db, int teamId, IReadOnlyList<TeamTopic> topics, CancellationToken cancellationToken)
    {
        var last = await db.Meetings.AsNoTracking().Where(m => m.TeamId == teamId).OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (last is not { } id) return [];
        var own = await db.Topics.AsNoTracking().Where(t => t.MeetingId == id).OrderBy(t => t.Ordinal).Select(t => new { t.Ordinal, t.Title }).ToListAsync(cancellationToken);
        var decided = (await db.Items.AsNoTracking().Where(i => i.MeetingId == id && i.RemovedAt == null && Decisions.Contains(i.Kind) && i.TopicOrdinal != null)
            .Select(i => i.TopicOrdinal!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var byKey = topics.ToDictionary(t => t.Key, StringComparer.Ordinal);
        return [.. own.Where(t => !decided.Contains(t.Ordinal))
            .Select(t => byKey.GetValueOrDefault(TopicTitle.Of(t.Title).Key))
            .OfType<TeamTopic>()
            .Where(t => !t.Routine)
            .DistinctBy(t => t.Key)];
    }
}
