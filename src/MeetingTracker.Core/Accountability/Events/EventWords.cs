using System.Globalization;

namespace MeetingTracker.Core.Accountability.Events;

/// <summary>
/// What an event did, in the few words after its author's name ("set it need help", "took it over"): the one wording
/// of the history on the action and idea pages and of the Atom feeds' titles.
/// </summary>
public static class EventWords
{
    public static string Of(EventSubject subject, EventKind kind, string? to, DateOnly? dueDate, string? nick, long? undoes) => kind switch
    {
        EventKind.State => "set it " + StateLabel(subject, to),
        EventKind.Take => "took it over",
        EventKind.Offer => "offered help",
        EventKind.Comment => "commented",
        EventKind.Due when dueDate is { } due => "set it due " + due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EventKind.Due => "cleared the due date",
        EventKind.Reassign => $"gave it to {nick}",
        EventKind.Champion when nick is null => "took it on as its champion",
        EventKind.Champion => $"named {nick} its champion",
        EventKind.Link => "added a link",
        _ => "undid change " + undoes?.ToString(CultureInfo.InvariantCulture),
    };

    public static string Of(AccountabilityEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Of(e.Subject, e.Kind, e.To, e.DueDate, e.Nick, e.Undoes);
    }

    /// <summary>The event kind of its name in the API and the history (<c>state</c>, <c>take</c>, …).</summary>
    public static EventKind? Kind(string? name) => Enum.TryParse<EventKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    private static string StateLabel(EventSubject subject, string? to)
        => (subject == EventSubject.Action ? ActionStates.Parse(to)?.Label() : IdeaStates.Parse(to)?.Label()) ?? to ?? string.Empty;
}
