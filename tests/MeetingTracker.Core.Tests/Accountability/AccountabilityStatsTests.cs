using System.Collections.Immutable;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>Each count of the accountability statistics, over hand-made chains, ideas and events.</summary>
public sealed class AccountabilityStatsTests
{
    private const int DueDays = 14;
    private static readonly DateTimeOffset Raised = new(2026, 3, 2, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private long nextId;

    [Fact]
    public void An_action_set_done_within_its_window_counts_done_and_on_time_in_the_month_of_the_event()
    {
        var done = Raised.AddDays(10);
        var tallies = Tallies(Chain(1), Event(1, EventKind.State, done, to: "done"));

        Assert.Equal(new AccountabilityCounts(1, 1, 0, 0, 0, 0), AccountabilityCounts.Of(tallies));
        Assert.All(tallies, t => Assert.Equal(done, t.At));
    }

    [Fact]
    public void An_action_set_done_after_its_window_counts_done_but_not_on_time()
    {
        var tallies = Tallies(Chain(1), Event(1, EventKind.State, Raised.AddDays(DueDays + 1), to: "done"));

        Assert.Equal(new AccountabilityCounts(1, 0, 0, 0, 0, 0), AccountabilityCounts.Of(tallies));
    }

    [Fact]
    public void A_due_date_replaces_the_window_to_the_end_of_its_day()
    {
        var due = DateOnly.FromDateTime(Raised.AddDays(30).UtcDateTime);
        var endOfDue = new DateTimeOffset(due.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero);
        var onTime = Tallies(Chain(1), Due(1, due), Event(1, EventKind.State, endOfDue, to: "done"));
        var late = Tallies(Chain(1), Due(1, due), Event(1, EventKind.State, endOfDue.AddMinutes(2), to: "done"));

        Assert.Equal(new AccountabilityCounts(1, 1, 0, 0, 0, 0), AccountabilityCounts.Of(onTime));
        Assert.Equal(new AccountabilityCounts(1, 0, 0, 0, 0, 0), AccountabilityCounts.Of(late));
    }

    [Fact]
    public void An_action_done_by_a_note_in_the_logs_counts_at_its_latest_occurrence()
    {
        // The logs' own "done" (no event): the standing says done, the record says nothing.
        var chain = Chain(1, meetings: 2);
        var byNote = new ActionStanding(chain, ActionRecord.Empty, ActionState.Done, ActionState.Done, false, false);

        var tallies = AccountabilityStats.Tallies([byNote], [], DueDays);

        Assert.Equal(new AccountabilityCounts(1, 1, 1, 0, 0, 0), AccountabilityCounts.Of(tallies));
        Assert.All(tallies, t => Assert.Equal(chain.Latest.Time, t.At));
    }

    [Fact]
    public void Open_and_dropped_actions_are_not_done()
    {
        var tallies = Tallies(Chain(1), Event(1, EventKind.State, Raised.AddDays(1), to: "in-progress"));
        var dropped = Tallies(Chain(2, meetingsSince: 2));

        Assert.Equal(AccountabilityCounts.Zero, AccountabilityCounts.Of(tallies));
        Assert.Equal(AccountabilityCounts.Zero, AccountabilityCounts.Of(dropped));
    }

    [Fact]
    public void A_chain_carried_to_later_meetings_counts_carried_over_once_at_its_latest_occurrence()
    {
        var chain = Chain(1, meetings: 3);
        var tallies = Tallies(chain);

        var carried = Assert.Single(tallies);
        Assert.Equal((TallyKind.CarriedOver, chain.Latest.Time), (carried.Kind, carried.At));
    }

    [Fact]
    public void Released_and_taken_over_count_their_events_with_who_did_them()
    {
        var tallies = Tallies(
            Chain(1),
            Event(1, EventKind.State, Raised.AddDays(2), to: "no-time", account: "alice"),
            Event(1, EventKind.Take, Raised.AddDays(3), to: "open", account: "bob"));

        Assert.Equal(new AccountabilityCounts(0, 0, 0, 1, 1, 0), AccountabilityCounts.Of(tallies));
        Assert.Equal("alice", Assert.Single(tallies, t => t.Kind == TallyKind.Released).AccountId);
        Assert.Equal("bob", Assert.Single(tallies, t => t.Kind == TallyKind.TakenOver).AccountId);
    }

    [Fact]
    public void Undone_events_are_not_counted()
    {
        var released = Event(1, EventKind.State, Raised.AddDays(2), to: "no-time");
        var taken = Event(1, EventKind.Take, Raised.AddDays(3), to: "open");
        var done = Event(1, EventKind.State, Raised.AddDays(4), to: "done");
        var undos = new[] { released, taken, done }.Select(e => Undo(1, e)).ToArray();

        var tallies = Tallies(Chain(1), [released, taken, done, .. undos]);

        Assert.Equal(AccountabilityCounts.Zero, AccountabilityCounts.Of(tallies));
    }

    [Fact]
    public void An_idea_marked_implemented_counts_at_its_event_and_an_undone_one_does_not()
    {
        var implemented = Event(7, EventKind.State, Raised.AddDays(20), to: "implemented", subject: EventSubject.Idea);
        var record = IdeaRecord.Fold([Event(7, EventKind.State, Raised.AddDays(5), to: "accepted", subject: EventSubject.Idea), implemented]);
        var undoneRecord = IdeaRecord.Fold([implemented, Undo(7, implemented, EventSubject.Idea)]);

        var tallies = AccountabilityStats.Tallies([], [(Idea(7), record)], DueDays);
        var undone = AccountabilityStats.Tallies([], [(Idea(7), undoneRecord)], DueDays);

        var tally = Assert.Single(tallies);
        Assert.Equal((TallyKind.IdeaImplemented, implemented.At, 5, 7), (tally.Kind, tally.At, tally.TeamId, tally.SubjectId));
        Assert.Empty(undone);
    }

    [Fact]
    public void Months_count_what_falls_in_them_and_leave_out_the_rest()
    {
        var tallies = new List<Tally>
        {
            new(TallyKind.Done, new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero), 5, 1),
            new(TallyKind.Done, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), 5, 2),
            new(TallyKind.TakenOver, new DateTimeOffset(2026, 4, 30, 23, 59, 0, TimeSpan.Zero), 5, 2, "bob"),
            new(TallyKind.Done, new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), 5, 3),
        };

        var months = AccountabilityStats.ByMonth(tallies, new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), 2);

        Assert.Equal([new AccountabilityCounts(1, 0, 0, 0, 0, 0), new AccountabilityCounts(0, 0, 0, 0, 1, 0)], months);
    }

    [Fact]
    public void The_chains_and_ledger_overload_lays_the_ledger_over_the_chains()
    {
        var chain = Chain(1);
        var done = Event(1, EventKind.State, Raised.AddDays(3), to: "done");
        var ledger = new LedgerView(
            new Dictionary<int, ActionRecord> { [1] = ActionRecord.Fold([done]) }.ToImmutableDictionary(),
            ImmutableDictionary<int, IdeaRecord>.Empty,
            [done],
            done.Id,
            1,
            [done.Id]);

        var tallies = AccountabilityStats.Tallies([chain, Chain(2)], [], ledger, Now, DueDays);

        Assert.Equal([(TallyKind.Done, 1), (TallyKind.DoneOnTime, 1)], tallies.Select(t => (t.Kind, t.SubjectId)));
    }

    private static ActionChain Chain(int id, int meetings = 1, int meetingsSince = 0)
        => new(5, "bob to rotate the keys", new ItemRef(id, 100, 1, Raised), new ItemRef(id + 1000, 100 + meetings, 1, Raised.AddDays(7 * (meetings - 1))), meetings, meetingsSince);

    private static IdeaTrail Idea(int id)
        => new(new ItemSummary(id, 100, 2, ItemKind.Idea, Raised, "automate the build farm", "carol", null), 5, []);

    private static List<Tally> Tallies(ActionChain chain, params AccountabilityEvent[] events)
        => AccountabilityStats.Tallies([ActionStanding.Of(chain, ActionRecord.Fold(events), Now, DueDays)], [], DueDays);

    private AccountabilityEvent Event(int subjectId, EventKind kind, DateTimeOffset at, string? to = null, string account = "acct", EventSubject subject = EventSubject.Action)
        => new() { Id = ++nextId, Subject = subject, SubjectId = subjectId, Kind = kind, At = at, AccountId = account, To = to };

    private AccountabilityEvent Due(int subjectId, DateOnly due)
    {
        var e = Event(subjectId, EventKind.Due, Raised.AddDays(1));
        e.DueDate = due;
        return e;
    }

    private AccountabilityEvent Undo(int subjectId, AccountabilityEvent undone, EventSubject subject = EventSubject.Action)
    {
        var e = Event(subjectId, EventKind.Undo, undone.At.AddHours(1), subject: subject);
        e.Undoes = undone.Id;
        return e;
    }
}
