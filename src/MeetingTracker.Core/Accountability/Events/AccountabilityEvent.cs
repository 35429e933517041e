using MeetingTracker.Core.Accounts;

namespace MeetingTracker.Core.Accountability.Events;

/// <summary>What an event is about: an action chain (its id is its first item's id) or an idea (its item's id).</summary>
public enum EventSubject
{
    Action,
    Idea,
}

/// <summary>What someone did.</summary>
public enum EventKind
{
    /// <summary>Set the state (<see cref="AccountabilityEvent.To"/>), with an optional note and link.</summary>
    State,

    /// <summary>Took an action up for grabs (or one nobody owns): the taker becomes its owner.</summary>
    Take,

    /// <summary>Offered help to the owner (the note says how).</summary>
    Offer,

    /// <summary>A comment (the note).</summary>
    Comment,

    /// <summary>Set or cleared the due date.</summary>
    Due,

    /// <summary>A chair or an admin gave the action to someone else (<see cref="AccountabilityEvent.Nick"/>).</summary>
    Reassign,

    /// <summary>Someone became an idea's champion (<see cref="AccountabilityEvent.Nick"/> when a chair named them, else the caller).</summary>
    Champion,

    /// <summary>An implementation link added to an idea.</summary>
    Link,

    /// <summary>A chair or an admin undid an earlier event (<see cref="AccountabilityEvent.Undoes"/>); both stay in the history.</summary>
    Undo,
}

/// <summary>
/// One thing someone said about an action or an idea. Said-by-people data: appended, never updated or deleted; it
/// names its subject by the stable item id (items keep their ids across re-reads, ADR 6), and people by account or by
/// nick (never by person id), so re-harvests, parser-version re-reads and alias merges leave it whole.
/// </summary>
public sealed class AccountabilityEvent
{
    public long Id { get; set; }

    public EventSubject Subject { get; set; }

    /// <summary>The action chain's id (its first item's) or the idea item's id.</summary>
    public int SubjectId { get; set; }

    public EventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who said it.</summary>
    public required string AccountId { get; set; }

    public Account? Account { get; set; }

    /// <summary>The state before (as shown then), for a state change; the name of <see cref="ActionState"/> or <see cref="IdeaState"/>.</summary>
    public string? From { get; set; }

    /// <summary>The state after, for a state change or a take.</summary>
    public string? To { get; set; }

    public string? Note { get; set; }

    /// <summary>An http(s) URL: the result (a pull request, ticket, commit, mail) or an implementation link.</summary>
    public string? Link { get; set; }

    /// <summary>The due date set (null with <see cref="EventKind.Due"/>: cleared).</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>The nick given the action (reassign) or made the idea's champion.</summary>
    public string? Nick { get; set; }

    /// <summary>The event an <see cref="EventKind.Undo"/> undoes.</summary>
    public long? Undoes { get; set; }
}
