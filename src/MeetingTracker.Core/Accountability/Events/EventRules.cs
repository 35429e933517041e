namespace MeetingTracker.Core.Accountability.Events;

/// <summary>
/// Who may say what, and whether what they say is well formed: one place for the API, the pages' forms and their
/// tests. The roles (README's table): an owner sets its action's state (not won't do), due date and comments; any
/// verified user takes an action up for grabs, offers help and comments; a team chair or an admin does all of it,
/// sets won't do, reassigns and undoes. For ideas: the author or champion sets states and links; a verified user
/// takes on an idea nobody champions; chairs and admins name a champion and undo.
/// </summary>
public static class EventRules
{
    public const int MaxNote = 2000;
    public const int MaxLink = 2000;
    public const int MaxNick = 100;

    /// <summary>The event <paramref name="change"/> makes, or why not.</summary>
    /// <param name="hasOwners">Whether anyone owns the action now (the logs' owners or the site's).</param>
    public static (AccountabilityEvent? Event, ChangeRefusal? Refusal) ForAction(
        ActionChange change, Caller caller, ActionStanding action, bool hasOwners, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(action);
        var asked = new[] { change.State is not null, change.Take == true, change.Offer == true, change.Comment is not null,
            change.DueDate is not null || change.ClearDue == true, change.Reassign is not null, change.Undo is not null }.Count(b => b);
        if (asked != 1) return Refuse("Say one thing: a state, take, offer, a comment, a due date, reassign or undo.");
        if ((Text(change.Note, "note") ?? LinkProblem(change.Link)) is { } bad) return Refuse(bad);

        var e = New(EventSubject.Action, action.Id, caller, now, change.Note, change.Link);
        var from = action.State.Name();
        if (change.State is not null)
        {
            if (ActionStates.Parse(change.State) is not { } to || !ActionStates.Settable.Contains(to))
            {
                return Refuse($"Unknown state '{change.State}': use {string.Join(", ", ActionStates.Settable.Select(s => s.Name()))}.");
            }

            if (to == ActionState.WontDo ? !caller.Manages : !(caller.Owner || caller.Manages))
            {
                return Forbid(to == ActionState.WontDo ? "Only a team chair or an admin can say it won't be done." : "Only its owners, a team chair or an admin can set its state.");
            }

            (e.Kind, e.From, e.To) = (EventKind.State, from, to.Name());
            return (e, null);
        }

        if (change.Take == true)
        {
            if (!(caller.Verified || caller.Admin)) return Forbid("Claim your nick first: only verified users take actions.");
            if (caller.Owner && action.OwnersReplaced) return Refuse("It is yours already.");
            if (!action.UpForGrabs(hasOwners) && !caller.Manages) return Forbid("Only an action up for grabs or needing help can be taken.");
            (e.Kind, e.From, e.To) = (EventKind.Take, from, ActionState.Open.Name());
            return (e, null);
        }

        if (change.Offer == true)
        {
            if (!(caller.Verified || caller.Admin)) return Forbid("Claim your nick first: only verified users offer help.");
            if (caller.Owner) return Forbid("It is yours: say you need help instead.");
            if (action.State.IsClosed()) return Refuse("It is closed: there is nothing to help with.");
            e.Kind = EventKind.Offer;
            return (e, null);
        }

        if (change.Comment is not null) return CommentOf(change.Comment, caller, e);

        if (change.DueDate is not null || change.ClearDue == true)
        {
            if (!(caller.Owner || caller.Manages)) return Forbid("Only its owners, a team chair or an admin can set its due date.");
            (e.Kind, e.DueDate) = (EventKind.Due, change.ClearDue == true ? null : change.DueDate);
            return (e, null);
        }

        if (change.Reassign is not null)
        {
            if (!caller.Manages) return Forbid("Only a team chair or an admin can reassign an action.");
            if (NickProblem(change.Reassign) is { } badNick) return Refuse(badNick);
            (e.Kind, e.Nick, e.From, e.To) = (EventKind.Reassign, change.Reassign.Trim(), from, ActionState.Open.Name());
            return (e, null);
        }

        return UndoOf(change.Undo!.Value, caller, action.Record.Events, e);
    }

    /// <summary>The event <paramref name="change"/> makes to an idea, or why not.</summary>
    /// <param name="championed">Whether the idea has a champion now.</param>
    public static (AccountabilityEvent? Event, ChangeRefusal? Refusal) ForIdea(
        IdeaChange change, Caller caller, int ideaId, IdeaState current, bool championed, IReadOnlyList<AccountabilityEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(events);
        var asked = new[] { change.State is not null, change.Champion is not null, change.TakeOn == true, change.Comment is not null,
            change.Link is not null && change.State is null, change.Undo is not null }.Count(b => b);
        if (asked != 1) return Refuse("Say one thing: a state, a champion, take it on, a link, a comment or undo.");
        if ((Text(change.Note, "note") ?? LinkProblem(change.Link)) is { } bad) return Refuse(bad);

        var e = New(EventSubject.Idea, ideaId, caller, now, change.Note, change.Link);
        if (change.State is not null)
        {
            if (IdeaStates.Parse(change.State) is not { } to) return Refuse($"Unknown state '{change.State}': use {string.Join(", ", IdeaStates.All.Select(s => s.Name()))}.");
            if (!(caller.Owner || caller.Manages)) return Forbid("Only the idea's author, its champion, a team chair or an admin can set its state.");
            (e.Kind, e.From, e.To) = (EventKind.State, current.Name(), to.Name());
            return (e, null);
        }

        if (change.TakeOn == true)
        {
            if (!(caller.Verified || caller.Admin)) return Forbid("Claim your nick first: only verified users champion ideas.");
            if (championed && !caller.Manages) return Forbid("It has a champion already.");
            e.Kind = EventKind.Champion;
            return (e, null);
        }

        if (change.Champion is not null)
        {
            if (!caller.Manages) return Forbid("Only a team chair or an admin can name an idea's champion.");
            if (NickProblem(change.Champion) is { } badNick) return Refuse(badNick);
            (e.Kind, e.Nick) = (EventKind.Champion, change.Champion.Trim());
            return (e, null);
        }

        if (change.Comment is not null) return CommentOf(change.Comment, caller, e);

        if (change.Link is not null && change.Undo is null)
        {
            if (!(caller.Owner || caller.Manages)) return Forbid("Only the idea's author, its champion, a team chair or an admin can add links.");
            e.Kind = EventKind.Link;
            return (e, null);
        }

        return UndoOf(change.Undo!.Value, caller, events, e);
    }

    /// <summary>An absolute http(s) URL, or why not; null is fine (no link).</summary>
    public static string? LinkProblem(string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        if (link.Length > MaxLink) return $"The link is longer than {MaxLink} characters.";
        return Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? null
            : $"The link must be an http or https URL (got '{(link.Length > 80 ? link[..80] + "…" : link)}').";
    }

    private static (AccountabilityEvent?, ChangeRefusal?) UndoOf(long id, Caller caller, IReadOnlyList<AccountabilityEvent> events, AccountabilityEvent e)
    {
        if (!caller.Manages) return Forbid("Only a team chair or an admin can undo.");
        var target = events.FirstOrDefault(x => x.Id == id);
        if (target is null) return Refuse($"No event {id} in this history.");
        if (target.Kind == EventKind.Undo) return Refuse("An undo cannot be undone: say the change again.");
        if (events.Any(x => x.Kind == EventKind.Undo && x.Undoes == id)) return Refuse($"Event {id} is undone already.");
        (e.Kind, e.Undoes, e.From, e.To) = (EventKind.Undo, id, target.To, target.From);
        return (e, null);
    }

    // Comments are alike on actions and ideas: any verified user, owner, chair or admin.
    private static (AccountabilityEvent?, ChangeRefusal?) CommentOf(string comment, Caller caller, AccountabilityEvent e)
    {
        if (!(caller.Verified || caller.Owner || caller.Manages)) return Forbid("Claim your nick first: only verified users comment.");
        if (Text(comment, "comment") is { } badComment) return Refuse(badComment);
        if (string.IsNullOrWhiteSpace(comment)) return Refuse("The comment is empty.");
        (e.Kind, e.Note) = (EventKind.Comment, comment.Trim());
        return (e, null);
    }

    private static AccountabilityEvent New(EventSubject subject, int id, Caller caller, DateTimeOffset now, string? note, string? link) => new()
    {
        Subject = subject,
        SubjectId = id,
        AccountId = caller.AccountId,
        At = now,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        Link = string.IsNullOrWhiteSpace(link) ? null : link.Trim(),
    };

    private static string? Text(string? text, string what) => text is { Length: > MaxNote } ? $"The {what} is longer than {MaxNote} characters." : null;

    private static string? NickProblem(string nick)
        => string.IsNullOrWhiteSpace(nick) ? "Give a nick." : nick.Trim().Length > MaxNick ? $"A nick is at most {MaxNick} characters." : null;

    private static (AccountabilityEvent?, ChangeRefusal?) Refuse(string error) => (null, ChangeRefusal.Invalid(error));

    private static (AccountabilityEvent?, ChangeRefusal?) Forbid(string error) => (null, ChangeRefusal.NotAllowed(error));
}
