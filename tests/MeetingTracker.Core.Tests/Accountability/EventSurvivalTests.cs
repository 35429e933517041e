using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using static MeetingTracker.Core.Tests.Accountability.AccountabilityCorpus;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>
/// What people said about an action stays attached to it: across a re-harvest, a re-read by a newer parser, an alias
/// edit that merges people, and a new meeting that carries the action again; read through a real SQLite file.
/// </summary>
public sealed class EventSurvivalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_stay_on_their_chain_across_a_reread_by_a_newer_parser_and_an_alias_merge()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        var service = corpus.Service();
        var ledger = new EventLedger(corpus.Host.Get<IDbContextFactory<TrackerDb>>(), corpus.Host.Clock);
        var before = (await service.SnapshotAsync(Ct)).Actions.Single(c => c.Text == D);
        await SayAsync(corpus, before.Id, ("need-help", "which notes?"), ("in-progress", null));

        await corpus.Host.HarvestAsync(corpus.Source, Ct, parserVersion: MeetbotReader.Version + 1);
        await service.MeetingsChangedAsync(Ct);
        await using (var db = corpus.Host.Db())
        {
            Assert.All(await db.Meetings.ToListAsync(Ct), m => Assert.Equal(MeetbotReader.Version + 1, m.ParserVersion));
        }

        // carol's nick moves to dana's person: the merge leaves the events (which name the chain and the account) alone.
        await new AliasEditor(corpus.Host.Get<IDbContextFactory<TrackerDb>>()).MovePersonAliasAsync("carol", "dana", Ct);
        await service.MeetingsChangedAsync(Ct);
        var after = (await service.SnapshotAsync(Ct)).Actions.Single(c => c.Text == D);
        var record = (await ledger.ReadAsync(Ct)).Action(after.Id);

        Assert.Equal(before.Id, after.Id);
        Assert.Equal(["need-help", "in-progress"], record.Events.Select(e => e.To));
        Assert.Equal(ActionState.InProgress, ActionStanding.Of(after, record, corpus.Host.Clock.GetUtcNow(), 14).State);
    }

    [Fact]
    public async Task Done_then_carried_again_in_a_later_meeting_is_reopened_and_the_ledger_sees_new_events_at_once()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        var service = corpus.Service();
        var ledger = new EventLedger(corpus.Host.Get<IDbContextFactory<TrackerDb>>(), corpus.Host.Clock);
        var chain = (await service.SnapshotAsync(Ct)).Actions.Single(c => c.Text == D);
        Assert.Empty((await ledger.ReadAsync(Ct)).Action(chain.Id).Events);

        corpus.Host.Clock.SetUtcNow(Week(4).AddDays(1));
        await SayAsync(corpus, chain.Id, ("done", null));
        var done = (await ledger.ReadAsync(Ct)).Action(chain.Id);
        Assert.False(ActionStanding.Of(chain, done, corpus.Host.Clock.GetUtcNow(), 14).Reopened);

        corpus.Write(5, $"#action {D}");
        await corpus.Host.HarvestAsync(corpus.Source, Ct);
        await service.MeetingsChangedAsync(Ct);
        var carried = (await service.SnapshotAsync(Ct)).Actions.Single(c => c.Text == D);
        var standing = ActionStanding.Of(carried, (await ledger.ReadAsync(Ct)).Action(carried.Id), corpus.Host.Clock.GetUtcNow(), 14);

        Assert.Equal(chain.Id, carried.Id);
        Assert.Equal((ActionState.Done, true), (standing.State, standing.Reopened));
    }

    [Fact]
    public async Task The_ledger_keeps_one_copy_of_repeated_texts_counts_every_event_and_forgets_ids_past_the_late_window()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        var ledger = new EventLedger(corpus.Host.Get<IDbContextFactory<TrackerDb>>(), corpus.Host.Clock) { LookForLateRows = true };
        var chain = (await corpus.Service().SnapshotAsync(Ct)).Actions.Single(c => c.Text == D);
        await SayAsync(corpus, chain.Id, ("in-progress", "on it"), ("need-help", "on it"));
        var first = await ledger.ReadAsync(Ct);
        await SayAsync(corpus, chain.Id, ("in-progress", "on it"));
        var view = await ledger.ReadAsync(Ct);

        // Read in two reads, each row its own strings from the database: the ledger holds one of each text.
        var events = view.Action(chain.Id).Events;
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Same(events[0].AccountId, e.AccountId));
        Assert.All(events, e => Assert.Same(events[0].Note, e.Note));
        Assert.Same(events[0].To, events[2].To);
        Assert.Equal((2, 3), (first.Folded, view.Folded));

        // Each event is said a minute after the one before (SayAsync): only the last is within the late window.
        Assert.Equal([3L], view.Seen);

        // Once the window has passed, the ids are let go; the count and the records stay.
        corpus.Host.Clock.Advance(EventLedger.LateWindow);
        await SayAsync(corpus, chain.Id, ("done", null));
        var later = await ledger.ReadAsync(Ct);
        Assert.Equal([4L], later.Seen);
        Assert.Equal(4, later.Folded);
        Assert.Equal(["in-progress", "need-help", "in-progress", "done"], later.Action(chain.Id).Events.Select(e => e.To));
        Assert.Same(later, await ledger.ReadAsync(Ct));
    }

    private static async Task SayAsync(AccountabilityCorpus corpus, int chainId, params (string State, string? Note)[] states)
    {
        await using var db = corpus.Host.Db();
        if (!await db.Users.AnyAsync(a => a.Id == "carol-account", Ct))
        {
            db.Users.Add(new Account { Id = "carol-account", UserName = "carol@example.org", DisplayName = "carol" });
        }

        foreach (var (state, note) in states)
        {
            corpus.Host.Clock.Advance(TimeSpan.FromMinutes(1));
            db.AccountabilityEvents.Add(new AccountabilityEvent
            {
                Subject = EventSubject.Action, SubjectId = chainId, Kind = EventKind.State, AccountId = "carol-account", At = corpus.Host.Clock.GetUtcNow(),
                To = state, Note = note,
            });
        }

        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_ledger_sees_a_row_that_committed_after_a_newer_one_within_the_late_window()
    {
        await using var corpus = new AccountabilityCorpus();
        await corpus.InitializeAsync();
        // As on PostgreSQL (SQLite commits in id order and needs no late window; the default decides by provider).
        var ledger = new EventLedger(corpus.Host.Get<IDbContextFactory<TrackerDb>>(), corpus.Host.Clock) { LookForLateRows = true };
        var chain = (await corpus.Service().SnapshotAsync(Ct)).Actions.Single(c => c.Text == D);
        await SayAsync(corpus, chain.Id, ("in-progress", null));
        await using (var db = corpus.Host.Db())
        {
            // A newer id committed first (as a PostgreSQL sequence allows): the ledger reads up to it.
            db.AccountabilityEvents.Add(new AccountabilityEvent
            {
                Id = 10, Subject = EventSubject.Action, SubjectId = chain.Id, Kind = EventKind.State, AccountId = "carol-account", At = corpus.Host.Clock.GetUtcNow(), To = "in-progress",
            });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(10, (await ledger.ReadAsync(Ct)).LastId);
        await using (var db = corpus.Host.Db())
        {
            db.AccountabilityEvents.Add(new AccountabilityEvent
            {
                Id = 7, Subject = EventSubject.Action, SubjectId = chain.Id, Kind = EventKind.Comment, AccountId = "carol-account", At = corpus.Host.Clock.GetUtcNow(), Note = "late",
            });
            await db.SaveChangesAsync(Ct);
        }

        var view = await ledger.ReadAsync(Ct);
        Assert.Equal([1L, 7, 10], view.Action(chain.Id).Events.Select(e => e.Id));
        Assert.Same(view, await ledger.ReadAsync(Ct));

        // A row stamped before the window is not looked for (the window is how far a commit may lag its stamp).
        corpus.Host.Clock.Advance(EventLedger.LateWindow + TimeSpan.FromSeconds(1));
        await using (var db = corpus.Host.Db())
        {
            db.AccountabilityEvents.Add(new AccountabilityEvent
            {
                Id = 8, Subject = EventSubject.Action, SubjectId = chain.Id, Kind = EventKind.Comment, AccountId = "carol-account",
                At = corpus.Host.Clock.GetUtcNow() - EventLedger.LateWindow - TimeSpan.FromSeconds(1), Note = "too late",
            });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Same(view, await ledger.ReadAsync(Ct));
    }
}
