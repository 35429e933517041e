using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>
/// Who may say what about an action or an idea (<see cref="EventRules"/>): every change × every role, and how the
/// events fold into where an action stands (<see cref="ActionRecord"/>, <see cref="ActionStanding"/>).
/// </summary>
public sealed class EventRulesTests
{
    private static readonly DateTimeOffset Raised = new(2026, 10, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Raised.AddDays(5);

    // The roles, as the rules see them: an unverified user, a verified user, an owner, a chair, an admin.
    private static readonly Dictionary<string, Caller> Roles = new(StringComparer.Ordinal)
    {
        ["user"] = new("u", Admin: false, Chair: false, Verified: false, Owner: false),
        ["verified"] = new("v", Admin: false, Chair: false, Verified: true, Owner: false),
        ["owner"] = new("o", Admin: false, Chair: false, Verified: true, Owner: true),
        ["chair"] = new("c", Admin: false, Chair: true, Verified: true, Owner: false),
        ["admin"] = new("a", Admin: true, Chair: false, Verified: false, Owner: false),
    };

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static ActionChain Chain(DateTimeOffset? latest = null)
        => new(1, "alice to fix the mirror", new ItemRef(10, 1, 1, Raised), new ItemRef(latest is null ? 10 : 20, latest is null ? 1 : 2, 1, latest ?? Raised), latest is null ? 1 : 2, 0);

    private static ActionStanding Standing(ActionRecord? record = null, DateTimeOffset? latest = null)
        => ActionStanding.Of(Chain(latest), record ?? ActionRecord.Empty, Now, 14);

    /// <summary>Each change, on an action its owner (alice) holds and nobody released: who gets it (others get 403).</summary>
    public static TheoryData<string, string> Changes() => new()
    {
        { "state open", "owner chair admin" },
        { "state in-progress", "owner chair admin" },
        { "state need-help", "owner chair admin" },
        { "state no-time", "owner chair admin" },
        { "state done", "owner chair admin" },
        { "state wont-do", "chair admin" },
        { "take", "chair admin" },
        { "offer", "verified chair admin" },
        { "comment", "verified owner chair admin" },
        { "due", "owner chair admin" },
        { "reassign", "chair admin" },
        { "undo", "chair admin" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_change_is_allowed_to_its_roles_and_refused_as_forbidden_to_the_others(string change, string allowed)
    {
        var record = ActionRecord.Fold([Event(1, EventKind.Comment, "o", note: "on it")]);
        var said = new List<string>();
        foreach (var (role, caller) in Roles)
        {
            var (made, refusal) = EventRules.ForAction(Change(change), caller, Standing(record), hasOwners: true, Now);
            Assert.True(made is not null || refusal is { Forbidden: true }, $"{change} by {role}: {refusal?.Error}");
            if (made is not null) said.Add(role);
        }

        Assert.Equal(allowed, string.Join(' ', said));
    }

    [Theory]
    [InlineData("need-help")]
    [InlineData("no-time")]
    public void A_verified_user_takes_an_action_that_needs_help_or_was_released_and_becomes_its_only_owner(string state)
    {
        var record = ActionRecord.Fold([Event(1, EventKind.State, "o", to: state)]);
        var (take, refusal) = EventRules.ForAction(new ActionChange(Take: true), Roles["verified"], Standing(record), hasOwners: state != "no-time", Now);
        Assert.Null(refusal);
        take!.Id = 2;
        var after = ActionRecord.Fold([.. record.Events, take]);

        Assert.Equal([new OwnerRef("v", null)], after.Owners);
        Assert.Equal(ActionState.Open, after.State);
        Assert.Equal("open", take.To);
        Assert.Equal(state, take.From);
    }

    [Fact]
    public void An_action_nobody_owns_is_up_for_grabs_until_it_is_closed()
    {
        Assert.True(Standing().UpForGrabs(hasOwners: false));
        Assert.False(Standing().UpForGrabs(hasOwners: true));
        Assert.False(Standing(ActionRecord.Fold([Event(1, EventKind.State, "c", to: "wont-do")])).UpForGrabs(hasOwners: false));
    }

    [Theory]
    [InlineData("""{"state":"overdue"}""", "Unknown state 'overdue'")]
    [InlineData("""{"state":"finished"}""", "Unknown state 'finished'")]
    [InlineData("""{"state":"done","link":"javascript:alert(1)"}""", "http or https")]
    [InlineData("""{"state":"done","link":"ftp://example.org/x"}""", "http or https")]
    [InlineData("""{"state":"done","link":"/relative"}""", "http or https")]
    [InlineData("""{}""", "Say one thing")]
    [InlineData("""{"state":"done","take":true}""", "Say one thing")]
    [InlineData("""{"comment":"  "}""", "empty")]
    [InlineData("""{"undo":99}""", "No event 99")]
    public void Bad_changes_are_refused_as_invalid_whoever_asks(string json, string error)
    {
        var change = System.Text.Json.JsonSerializer.Deserialize<ActionChange>(json, Json)!;
        var (made, refusal) = EventRules.ForAction(change, Roles["admin"], Standing(), hasOwners: true, Now);
        Assert.Null(made);
        Assert.False(refusal!.Forbidden);
        Assert.Contains(error, refusal.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_leaves_nobody_owning_it_and_the_released_owners_stay_as_earlier_owners()
    {
        var record = ActionRecord.Fold(
        [
            Event(1, EventKind.Take, "v", to: "open"),
            Event(2, EventKind.State, "v", to: "no-time", note: "moving house"),
        ]);

        Assert.Equal(ActionState.NoTime, record.State);
        Assert.Empty(record.Owners!);
        Assert.Equal([new OwnerRef("v", null)], record.EarlierOwners);
        Assert.Equal(ActionState.NoTime, Standing(record).State);
        Assert.True(Standing(record).UpForGrabs(hasOwners: false));
    }

    [Fact]
    public void An_undo_refolds_without_the_undone_event_and_both_stay_in_the_history()
    {
        var events = new List<AccountabilityEvent>
        {
            Event(1, EventKind.State, "o", to: "in-progress"),
            Event(2, EventKind.Reassign, "c", nick: "bob", to: "open"),
            Event(3, EventKind.Undo, "c", undoes: 2),
        };
        var record = ActionRecord.Fold(events);

        Assert.Equal(ActionState.InProgress, record.State);
        Assert.Null(record.Owners);
        Assert.Equal([1L, 2, 3], record.Events.Select(e => e.Id));
        var (again, refusal) = EventRules.ForAction(new ActionChange(Undo: 2), Roles["chair"], Standing(record), true, Now);
        Assert.Null(again);
        Assert.Contains("undone already", refusal!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_newest_state_people_set_wins_and_the_inferred_one_stays_beside_it()
    {
        var late = Now.AddDays(30);
        var record = ActionRecord.Fold([Event(1, EventKind.State, "o", to: "need-help"), Event(2, EventKind.State, "o", to: "in-progress")]);
        var standing = ActionStanding.Of(Chain(), record, late, 14);

        Assert.Equal(ActionState.InProgress, standing.State);
        Assert.Equal(ActionState.Overdue, standing.Inferred);
    }

    [Fact]
    public void A_due_date_replaces_the_due_window_and_past_it_an_open_action_is_overdue()
    {
        var due = ActionRecord.Fold([Event(1, EventKind.Due, "o", due: new DateOnly(2026, 10, 3))]);
        var later = ActionRecord.Fold([Event(1, EventKind.Due, "o", due: new DateOnly(2026, 12, 1))]);
        var working = ActionRecord.Fold([Event(1, EventKind.Due, "o", due: new DateOnly(2026, 10, 3)), Event(2, EventKind.State, "o", to: "in-progress")]);

        Assert.Equal((ActionState.Overdue, true), (Standing(due).State, Standing(due).PastDue));
        Assert.Equal((ActionState.Open, false), (ActionStanding.Of(Chain(), later, Now.AddDays(40), 14).State, false));
        Assert.Equal((ActionState.InProgress, true), (Standing(working).State, Standing(working).PastDue));
    }

    [Fact]
    public void Done_then_carried_again_by_the_team_is_reopened_not_silently_kept_done()
    {
        var done = ActionRecord.Fold([Event(1, EventKind.State, "o", to: "done", at: Raised.AddDays(2))]);

        Assert.False(Standing(done).Reopened);
        Assert.False(Standing(done, latest: Raised.AddDays(1)).Reopened);
        var carried = Standing(done, latest: Raised.AddDays(7));
        Assert.True(carried.Reopened);
        Assert.Equal(ActionState.Done, carried.State);
    }

    [Fact]
    public void Idea_changes_follow_their_roles()
    {
        var said = new List<string>();
        foreach (var (role, caller) in Roles)
        {
            var (state, _) = EventRules.ForIdea(new IdeaChange(State: "accepted"), caller, 5, IdeaState.Proposed, championed: false, [], Now);
            var (takeOn, _) = EventRules.ForIdea(new IdeaChange(TakeOn: true), caller, 5, IdeaState.Proposed, championed: false, [], Now);
            var (taken, _) = EventRules.ForIdea(new IdeaChange(TakeOn: true), caller, 5, IdeaState.Proposed, championed: true, [], Now);
            var (name, _) = EventRules.ForIdea(new IdeaChange(Champion: "bob"), caller, 5, IdeaState.Proposed, championed: false, [], Now);
            said.Add($"{role}: state={state is not null} takeOn={takeOn is not null} takeOnTaken={taken is not null} name={name is not null}");
        }

        Assert.Equal(
        [
            "user: state=False takeOn=False takeOnTaken=False name=False",
            "verified: state=False takeOn=True takeOnTaken=False name=False",
            "owner: state=True takeOn=True takeOnTaken=False name=False",
            "chair: state=True takeOn=True takeOnTaken=True name=True",
            "admin: state=True takeOn=True takeOnTaken=True name=True",
        ], said);

        var record = IdeaRecord.Fold(
        [
            Event(1, EventKind.Champion, "v", subject: EventSubject.Idea),
            Event(2, EventKind.State, "v", to: "implemented", link: "https://example.org/pr/1", subject: EventSubject.Idea),
            Event(3, EventKind.Link, "v", link: "https://example.org/docs", subject: EventSubject.Idea),
        ]);
        Assert.Equal((IdeaState.Implemented, new OwnerRef("v", null)), (record.State!.Value, record.Champion));
        Assert.Equal(["https://example.org/pr/1", "https://example.org/docs"], record.Links);
    }

    private static ActionChange Change(string change) => change.Split(' ') switch
    {
        ["state", var s] => new ActionChange(State: s),
        ["take"] => new ActionChange(Take: true),
        ["offer"] => new ActionChange(Offer: true, Note: "I know the mirror"),
        ["comment"] => new ActionChange(Comment: "how is it going?"),
        ["due"] => new ActionChange(DueDate: new DateOnly(2026, 11, 1)),
        ["reassign"] => new ActionChange(Reassign: "bob"),
        ["undo"] => new ActionChange(Undo: 1),
        _ => throw new ArgumentException(change),
    };

    private static AccountabilityEvent Event(
        long id, EventKind kind, string by, string? to = null, string? note = null, string? nick = null, long? undoes = null, DateOnly? due = null,
        string? link = null, DateTimeOffset? at = null, EventSubject subject = EventSubject.Action) => new()
    {
        Id = id, Kind = kind, AccountId = by, To = to, Note = note, Nick = nick, Undoes = undoes, DueDate = due, Link = link, At = at ?? Raised.AddHours(id),
        Subject = subject, SubjectId = 10,
    };
}
