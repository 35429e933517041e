using MeetingTracker.Core.Accountability.Events;

namespace MeetingTracker.Core.Accountability;

/// <summary>What the accountability statistics count, good things first.</summary>
public enum TallyKind
{
    /// <summary>An action that stands done (set done by people, or done by a note in the logs).</summary>
    Done,

    /// <summary>Done within its due date, or within the due window of being first raised when it has none.</summary>
    DoneOnTime,

    /// <summary>An action its team carried to a later meeting (a chain with <see cref="ActionChain.CarriedOver"/> &gt; 0).</summary>
    CarriedOver,

    /// <summary>Someone said they have no time for an action and released it for others.</summary>
    Released,

    /// <summary>Someone took an action over.</summary>
    TakenOver,

    /// <summary>An idea people marked implemented.</summary>
    IdeaImplemented,
}

/// <summary>
/// One thing counted: its kind, when (the month it falls in), the team, the subject (chain or idea id) and, for
/// <see cref="TallyKind.Released"/> and <see cref="TallyKind.TakenOver"/>, the account that did it.
/// </summary>
public sealed record Tally(TallyKind Kind, DateTimeOffset At, int TeamId, int SubjectId, string? AccountId = null);

/// <summary>The counts of one selection of tallies (a team, a person, a month).</summary>
public sealed record AccountabilityCounts(int Done, int DoneOnTime, int CarriedOver, int Released, int TakenOver, int IdeasImplemented)
{
    public static readonly AccountabilityCounts Zero = new(0, 0, 0, 0, 0, 0);

    public static AccountabilityCounts Of(IEnumerable<Tally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var n = new int[Enum.GetValues<TallyKind>().Length];
        foreach (var t in tallies) n[(int)t.Kind]++;
        return new AccountabilityCounts(n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}

/// <summary>
/// The accountability statistics, shown kindly: what got done (on time), what was carried, released and taken over,
/// which ideas were implemented. Pure: it reads the chains where they stand (<see cref="ActionStanding"/>) and what
/// people said (<see cref="LedgerView"/>); undone events count for nothing. A done action counts at the time its done
/// event says, else (done by a note in the logs) at its latest occurrence, the nearest time the logs give; a carried
/// action at its latest occurrence; released and taken over at their events; an idea at its implemented event.
/// </summary>
public static class AccountabilityStats
{
    /// <summary>The tallies of every chain and idea trail, where they stand at <paramref name="now"/>.</summary>
    public static List<Tally> Tallies(
        IEnumerable<ActionChain> chains, IEnumerable<IdeaTrail> ideas, LedgerView ledger, DateTimeOffset now, int dueDays)
    {
        ArgumentNullException.ThrowIfNull(chains);
        ArgumentNullException.ThrowIfNull(ideas);
        ArgumentNullException.ThrowIfNull(ledger);
        return Tallies(
            chains.Select(c => ActionStanding.Of(c, ledger.Action(c.Id), now, dueDays)),
            ideas.Select(i => (i, ledger.Idea(i.Idea.ItemId))),
            dueDays);
    }

    public static List<Tally> Tallies(IEnumerable<ActionStanding> actions, IEnumerable<(IdeaTrail Trail, IdeaRecord Record)> ideas, int dueDays)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(ideas);
        var tallies = new List<Tally>();
        foreach (var action in actions)
        {
            var chain = action.Chain;
            if (action.State == ActionState.Done)
            {
                var at = DoneAt(action);
                tallies.Add(new Tally(TallyKind.Done, at, chain.TeamId, chain.Id));
                if (OnTime(action, at, dueDays)) tallies.Add(new Tally(TallyKind.DoneOnTime, at, chain.TeamId, chain.Id));
            }

            if (chain.CarriedOver > 0) tallies.Add(new Tally(TallyKind.CarriedOver, chain.Latest.Time, chain.TeamId, chain.Id));
            var events = action.Record.Events;
            var undone = ActionRecord.Undone(events);
            foreach (var e in events.Where(e => !undone.Contains(e.Id)))
            {
                var kind = e.Kind switch
                {
                    EventKind.State when ActionStates.Parse(e.To) == ActionState.NoTime => TallyKind.Released,
                    EventKind.Take => TallyKind.TakenOver,
                    _ => (TallyKind?)null,
                };
                if (kind is { } k) tallies.Add(new Tally(k, e.At, chain.TeamId, chain.Id, e.AccountId));
            }
        }

        foreach (var (trail, record) in ideas)
        {
            if (record.State == IdeaState.Implemented)
            {
                tallies.Add(new Tally(TallyKind.IdeaImplemented, record.StateAt ?? trail.Idea.Time, trail.TeamId, trail.Idea.ItemId));
            }
        }

        return tallies;
    }

    /// <summary>
    /// The counts of each of <paramref name="months"/> months from the month of <paramref name="from"/> (UTC), oldest
    /// first; tallies outside the period are left out.
    /// </summary>
    public static IReadOnlyList<AccountabilityCounts> ByMonth(IEnumerable<Tally> tallies, DateTimeOffset from, int months)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var first = MonthIndex(from);
        var buckets = Enumerable.Range(0, months).Select(_ => new List<Tally>()).ToArray();
        foreach (var t in tallies)
        {
            var i = MonthIndex(t.At) - first;
            if (i >= 0 && i < months) buckets[i].Add(t);
        }

        return [.. buckets.Select(AccountabilityCounts.Of)];
    }

    /// <summary>When it was done: the done event, else (a done note in the logs) the chain's latest occurrence.</summary>
    public static DateTimeOffset DoneAt(ActionStanding action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Record.State == ActionState.Done && action.Record.StateAt is { } at ? at : action.Chain.Latest.Time;
    }

    /// <summary>Done by the end (UTC) of its due date, or, without one, within <paramref name="dueDays"/> of being first raised.</summary>
    public static bool OnTime(ActionStanding action, DateTimeOffset doneAt, int dueDays)
    {
        ArgumentNullException.ThrowIfNull(action);
        var deadline = action.Record.DueDate is { } due
            ? new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : action.Chain.First.Time + TimeSpan.FromDays(dueDays);
        return action.Record.DueDate is null ? doneAt <= deadline : doneAt < deadline;
    }

    private static int MonthIndex(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return (utc.Year * 12) + utc.Month - 1;
    }
}
