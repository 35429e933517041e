namespace MeetingTracker.Core.Accountability.Events;

/// <summary>
/// One change someone asks for (the body of <c>POST /api/actions/{id}/events</c> and of the action page's forms).
/// Exactly one of <see cref="State"/>, <see cref="Take"/>, <see cref="Offer"/>, <see cref="Comment"/>,
/// <see cref="DueDate"/> (or <see cref="ClearDue"/>), <see cref="Reassign"/>, <see cref="Undo"/>; <see cref="Note"/> and
/// <see cref="Link"/> go with a state, a take or an offer.
/// </summary>
public sealed record ActionChange(
    string? State = null,
    string? Note = null,
    string? Link = null,
    DateOnly? DueDate = null,
    bool? ClearDue = null,
    bool? Take = null,
    bool? Offer = null,
    string? Comment = null,
    string? Reassign = null,
    long? Undo = null);

/// <summary>One change to an idea (<c>POST /api/ideas/{id}/events</c>): a state, a champion (a nick, or <c>true</c> for oneself), a link, a comment or an undo.</summary>
public sealed record IdeaChange(
    string? State = null,
    string? Note = null,
    string? Link = null,
    string? Champion = null,
    bool? TakeOn = null,
    string? Comment = null,
    long? Undo = null);

/// <summary>Who asks, as the rules need it: their account, whether they are an admin or chair the subject's team, and whether they own it.</summary>
/// <param name="Verified">The account has at least one verified person (a verified user).</param>
/// <param name="Owner">An action: a current owner (through a verified person or as the account that took it). An idea: its author or champion.</param>
public sealed record Caller(string AccountId, bool Admin, bool Chair, bool Verified, bool Owner)
{
    public bool Manages => Admin || Chair;
}

/// <summary>Why a change was refused: the caller's fault (<see cref="Invalid"/>: 400) or their rights (<see cref="Forbidden"/>: 403).</summary>
public sealed record ChangeRefusal(bool Forbidden, string Error)
{
    public static ChangeRefusal Invalid(string error) => new(false, error);

    public static ChangeRefusal NotAllowed(string error) => new(true, error);
}
