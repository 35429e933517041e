using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;

namespace MeetingTracker.Core.Reminders;

/// <summary>What a digest's section lists.</summary>
public enum DigestSectionKind
{
    Overdue,
    ComingDue,
    NeedHelpInTeams,
    Offers,
    New,
    TeamOverdue,
    TeamNeedHelp,
    TeamReleased,
    TeamReopened,
    TeamIdeas,
}

/// <summary>An action as a digest lists it. <see cref="Answerable"/>: the recipient owns it and gets one-click answers.</summary>
public sealed record DigestAction(
    int ChainId, string Text, ReminderTeam Team, int AgeDays, int CarriedOver, ActionState State, DateTimeOffset DueAt,
    bool Answerable, IReadOnlyList<string> Notes);

/// <summary>An idea waiting for a champion.</summary>
public sealed record DigestIdea(int IdeaId, string Text, ReminderTeam Team, int AgeDays, IdeaState State);

public sealed record DigestSection(DigestSectionKind Kind, IReadOnlyList<DigestAction> Actions, IReadOnlyList<DigestIdea> Ideas, int More)
{
    public int Count => Actions.Count + Ideas.Count + More;
}

/// <summary>One digest: for whom, which kind and period, and what it says (nothing: not sent).</summary>
public sealed record DigestContent(ReminderAccount Account, string Kind, string Period, ReminderTeam? Team, DateTimeOffset? NextMeeting, IReadOnlyList<DigestSection> Sections)
{
    public bool IsEmpty => Sections.All(s => s.Count == 0);

    public int Items => Sections.Sum(s => s.Count);

    public int CountOf(DigestSectionKind kind) => Sections.Where(s => s.Kind == kind).Sum(s => s.Count);
}

/// <summary>
/// What a digest says (pure: <see cref="ReminderData"/> in, <see cref="DigestContent"/> out). Personal: what the
/// account owes (overdue, oldest first; then open ones falling due before the digest after next), actions of its teams
/// that asked for help or were released since its last digest, offers of help on its own actions since then, and
/// actions it was given since then. Each action is listed once, in the first section that takes it. Team (for a
/// chair): the team's overdue, need-help, released and reopened actions and the ideas of the follow-up window nobody
/// champions.
/// </summary>
public static class DigestComposer
{
    /// <summary>At most this many entries per section; the rest is counted ("and N more", linking to the full list).</summary>
    public const int SectionLimit = 25;

    public static DigestContent Personal(ReminderData data, ReminderAccount account, DigestSlot slot, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(slot);
        var now = data.Now;
        var horizon = DigestSchedule.Next(account.Preferences, now).AddDays(1);
        var listed = new HashSet<int>();
        var owned = data.OwnedBy(account).ToList();

        var overdue = owned.Where(a => a.State == ActionState.Overdue || a.PastDue || (a.State is ActionState.InProgress or ActionState.NeedHelp && data.DueAt(a) <= now))
            .OrderBy(data.DueAt).ThenBy(a => a.Id).ToList();
        listed.UnionWith(overdue.Select(a => a.Id));
        var comingDue = owned.Where(a => !listed.Contains(a.Id) && a.State is ActionState.Open or ActionState.InProgress or ActionState.NeedHelp
                && data.DueAt(a) > now && data.DueAt(a) <= horizon)
            .OrderBy(data.DueAt).ThenBy(a => a.Id).ToList();
        listed.UnionWith(comingDue.Select(a => a.Id));

        var mine = owned.Select(a => a.Id).ToHashSet();
        var teams = account.People.SelectMany(p => data.TeamsOfPerson[p]).ToHashSet();
        var needHelp = teams.SelectMany(t => data.AskingForHelp[t]).Where(a => !mine.Contains(a.Id) && a.Record.StateAt > since)
            .OrderByDescending(a => a.Record.StateAt).ThenBy(a => a.Id).ToList();

        var offers = owned.Where(a => a.Record.Offers.Any(o => o.At > since && o.AccountId != account.Id)).OrderBy(a => a.Id).ToList();
        var fresh = owned.Where(a => !listed.Contains(a.Id) && GivenSince(a, account, since)).OrderByDescending(a => a.Chain.First.Time).ThenBy(a => a.Id).ToList();

        return new DigestContent(account, DigestKinds.Personal, slot.Period, null, null,
        [
            Section(DigestSectionKind.Overdue, overdue, data, answerable: true),
            Section(DigestSectionKind.ComingDue, comingDue, data, answerable: true),
            Section(DigestSectionKind.NeedHelpInTeams, needHelp, data, answerable: false),
            Section(DigestSectionKind.Offers, offers, data, answerable: false, a => [.. a.Record.Offers.Where(o => o.At > since && o.AccountId != account.Id).Select(o => o.Note ?? string.Empty)]),
            Section(DigestSectionKind.New, fresh, data, answerable: true),
        ]);
    }

    public static DigestContent ForTeam(ReminderData data, ReminderAccount account, ReminderTeam team, DigestSlot slot, DateTimeOffset nextMeeting)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(slot);
        var actions = data.Open.Values.Where(a => a.Chain.TeamId == team.Id).ToList();

        // Each action once, in the first section that takes it (a released action past its due date is released).
        var listed = new HashSet<int>();
        List<ActionStanding> Take(IEnumerable<ActionStanding> chosen)
        {
            var list = chosen.Where(a => !listed.Contains(a.Id)).ToList();
            listed.UnionWith(list.Select(a => a.Id));
            return list;
        }

        var released = Take(actions.Where(a => a.State == ActionState.NoTime || (a.OwnersReplaced && !data.Owned.Contains(a.Id))).OrderBy(a => a.Record.StateAt).ThenBy(a => a.Id));
        var needHelp = Take(actions.Where(a => a.State == ActionState.NeedHelp).OrderBy(a => a.Record.StateAt).ThenBy(a => a.Id));
        var reopened = Take(actions.Where(a => a.Reopened).OrderBy(a => a.Id));
        var overdue = Take(actions.Where(a => a.State == ActionState.Overdue || a.PastDue).OrderBy(data.DueAt).ThenBy(a => a.Id));
        var ideas = new List<DigestIdea>();
        foreach (var trail in data.Ideas)
        {
            if (trail.TeamId != team.Id || data.Now - trail.Idea.Time > TimeSpan.FromDays(data.FollowUpDays)) continue;
            var record = data.Ledger.Idea(trail.Idea.ItemId);
            if (record.Champion is not null || record.State is IdeaState.InProgress or IdeaState.Implemented or IdeaState.Declined) continue;
            ideas.Add(new DigestIdea(trail.Idea.ItemId, trail.Idea.Text, team, Age(data.Now, trail.Idea.Time), record.State ?? IdeaState.Proposed));
        }

        ideas.Sort((a, b) => b.AgeDays.CompareTo(a.AgeDays) is var c && c != 0 ? c : a.IdeaId.CompareTo(b.IdeaId));
        return new DigestContent(account, DigestKinds.Team(team.Id), slot.Period, team, nextMeeting,
        [
            Section(DigestSectionKind.TeamOverdue, overdue, data, answerable: false),
            Section(DigestSectionKind.TeamNeedHelp, needHelp, data, answerable: false),
            Section(DigestSectionKind.TeamReleased, released, data, answerable: false),
            Section(DigestSectionKind.TeamReopened, reopened, data, answerable: false),
            new DigestSection(DigestSectionKind.TeamIdeas, [], [.. ideas.Take(SectionLimit)], Math.Max(0, ideas.Count - SectionLimit)),
        ]);
    }

    /// <summary>Raised (in the logs) since, or given to the account by the site since (taken, reassigned to its nick).</summary>
    private static bool GivenSince(ActionStanding action, ReminderAccount account, DateTimeOffset since)
    {
        if (!action.OwnersReplaced) return action.Chain.First.Time > since;
        var last = action.Record.Events.LastOrDefault(e => e.Kind is EventKind.Take or EventKind.Reassign);
        return last is not null && last.At > since && (last.Kind == EventKind.Reassign || last.AccountId == account.Id);
    }

    private static DigestSection Section(DigestSectionKind kind, List<ActionStanding> actions, ReminderData data, bool answerable, Func<ActionStanding, IReadOnlyList<string>>? notes = null)
    {
        var shown = actions.Take(SectionLimit).Select(a => new DigestAction(
            a.Id, a.Chain.Text, data.Teams.GetValueOrDefault(a.Chain.TeamId) ?? new ReminderTeam(a.Chain.TeamId, "unnamed", "unnamed"),
            a.Chain.AgeDays(data.Now), a.Chain.CarriedOver, a.State, data.DueAt(a), answerable, notes?.Invoke(a) ?? [])).ToList();
        return new DigestSection(kind, shown, [], Math.Max(0, actions.Count - SectionLimit));
    }

    private static int Age(DateTimeOffset now, DateTimeOffset at) => Math.Max(0, (int)Math.Floor((now - at).TotalDays));
}
