namespace MeetingTracker.Core.Projects;

/// <summary>
/// A project (and ticket) a meeting mentions, where it was said: a line of the log (<see cref="Line"/>; the items said on
/// that line are its items), or, for a meeting read from its minutes alone, an item (<see cref="ItemNumber"/>).
/// Harvested data: replaced whenever its meeting is read again or the team's reference patterns change
/// (<see cref="MentionsRefresh"/>); nobody types into it.
/// </summary>
public sealed class ProjectMention
{
    public long Id { get; set; }

    public int MeetingId { get; set; }

    /// <summary>The log line's number (its <c>l-N</c> anchor), or null when the mention is in an item with no line.</summary>
    public int? Line { get; set; }

    /// <summary>The item's stable number in its meeting, when the mention was found in an item with no line.</summary>
    public int? ItemNumber { get; set; }

    /// <summary>Host and path, lower case, without scheme (<c>github.com/openshift/ansible-service-broker</c>).</summary>
    public required string ProjectKey { get; set; }

    public ProjectKind ProjectKind { get; set; }

    public TicketKind? TicketKind { get; set; }

    /// <summary>The ticket's number, or null for a mention of the project itself.</summary>
    public string? Ticket { get; set; }

    /// <summary>The canonical address of the ticket, or of the project.</summary>
    public required string Url { get; set; }
}
