using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Pages.Actions;
using MeetingTracker.Web.Components.Pages.Ideas;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Home;

/// <summary>The home page's accountability sections: what is open or overdue, ideas waiting, help wanted, active teams.</summary>
public sealed record HomeBoard(
    IReadOnlyList<ActionRow> OpenActions,
    int OpenActionsTotal,
    IReadOnlyList<IdeaRow> WaitingIdeas,
    int WaitingIdeasTotal,
    IReadOnlyList<HelpRow> HelpWanted,
    IReadOnlyList<ActiveTeamRow> ActiveTeams,
    IReadOnlyList<HelpAction> HelpActions,
    IReadOnlyList<HelpIdea> IdeasWithoutChampion)
{
    public const int Shown = 10;

    /// <summary>Actions asking for help and ideas without a champion shown under "Help wanted" (the rest on /help).</summary>
    public const int HelpShown = 5;

    /// <summary>The window of <see cref="ActiveTeams"/>.</summary>
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(90);

    public static async Task<HomeBoard> LoadAsync(
        ActionQueries actions, IdeaQueries ideas, Standings standings, TrackerDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(ideas);
        ArgumentNullException.ThrowIfNull(db);
        var open = await actions.ListAsync(new ActionQuery(State: ActionFilter.Active, Sort: "age", PageSize: Shown), cancellationToken);
        var waiting = await ideas.ListAsync(new IdeaQuery(FollowUp: IdeaQueries.Without, PageSize: Shown), cancellationToken);

        var help = await db.Items.AsNoTracking()
            .Where(i => i.Kind == ItemKind.Help && i.RemovedAt == null)
            .OrderByDescending(i => i.Time).ThenByDescending(i => i.Id)
            .Take(Shown)
            .Select(i => new HelpRow(
                i.Text,
                i.Nick,
                db.People.Where(p => p.Id == i.PersonId).Select(p => p.Name).FirstOrDefault(),
                new TeamLink(i.Meeting!.Team!.Key, i.Meeting.Team.Name),
                i.MeetingId,
                i.Number,
                i.Time))
            .ToListAsync(cancellationToken);

        var since = now - ActiveWindow;
        var counts = await db.Meetings.AsNoTracking()
            .Where(m => m.StartedAt >= since)
            .GroupBy(m => m.TeamId)
            .Select(g => new { TeamId = g.Key, Meetings = g.Count(), Last = g.Max(m => m.StartedAt) })
            .OrderByDescending(c => c.Meetings).ThenByDescending(c => c.Last)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.TeamId).ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => new TeamLink(t.Key, t.Name), cancellationToken);
        var active = counts.Where(c => teams.ContainsKey(c.TeamId)).Select(c => new ActiveTeamRow(teams[c.TeamId], c.Meetings, c.Last)).ToList();

        return new HomeBoard(open.Rows.Items, open.Rows.Total, waiting.Rows.Items, waiting.Rows.Total, help, active, AskingForHelp(standings), Unchampioned(standings));
    }

    /// <summary>The newest actions whose owners asked for help or released them (newest said first).</summary>
    public static List<HelpAction> AskingForHelp(Standings standings)
    {
        ArgumentNullException.ThrowIfNull(standings);
        return [.. standings.Snapshot.Actions.Select(standings.Of)
            .Where(s => s.State is ActionState.NeedHelp or ActionState.NoTime)
            .OrderByDescending(s => s.Record.StateAt ?? s.Chain.Latest.Time).ThenByDescending(s => s.Id)
            .Take(HelpShown)
            .Select(s => new HelpAction(s.Id, s.Chain.Text, s.State.Label()))];
    }

    /// <summary>The newest ideas nobody champions that are still to do (not implemented or declined).</summary>
    public static List<HelpIdea> Unchampioned(Standings standings)
    {
        ArgumentNullException.ThrowIfNull(standings);
        return [.. standings.Snapshot.Ideas
            .Where(i => standings.Ledger.Idea(i.Idea.ItemId) is { Champion: null } r && r.State is not (IdeaState.Implemented or IdeaState.Declined))
            .Take(HelpShown)
            .Select(i => new HelpIdea(i.Idea.ItemId, i.Idea.Text))];
    }
}

/// <summary>An action up for grabs: its chain id, text and state label (need help, no time).</summary>
public sealed record HelpAction(int Id, string Text, string State);

/// <summary>An idea nobody champions yet.</summary>
public sealed record HelpIdea(int Id, string Text);

/// <summary>A <c>#help</c> item: who asked (the person's page name when known), where and when.</summary>
public sealed record HelpRow(string Text, string Nick, string? PersonName, TeamLink Team, int MeetingId, int ItemNumber, DateTimeOffset Time);

/// <summary>A team and its meetings in the last <see cref="HomeBoard.ActiveWindow"/>.</summary>
public sealed record ActiveTeamRow(TeamLink Team, int Meetings, DateTimeOffset LastMeeting);
