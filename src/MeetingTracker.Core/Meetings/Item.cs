using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Meetings;

/// <summary>
/// A minutes item (info, idea, agreed, link, help, action, ...). Its <see cref="Id"/> and <see cref="Number"/> are given
/// once and kept across re-reads of its meeting (matched by kind and text), so what users attach to an item survives a
/// newer parser.
/// An item a re-read no longer finds is kept with <see cref="RemovedAt"/> set rather than deleted.
/// </summary>
public sealed class Item
{
    public int Id { get; set; }

    /// <summary>Stable number within its meeting (1, 2, ...), given at first read and never reused.</summary>
    public int Number { get; set; }

    public int MeetingId { get; set; }

    public Meeting? Meeting { get; set; }

    public ItemKind Kind { get; set; }

    /// <summary>Position in the meeting's minutes at the last read.</summary>
    public int Ordinal { get; set; }

    public required string Text { get; set; }

    public required string Nick { get; set; }

    public int? PersonId { get; set; }

    public DateTimeOffset Time { get; set; }

    public int? Line { get; set; }

    public int? TopicOrdinal { get; set; }

    public string? Url { get; set; }

    /// <summary>MeetBot's published attribution (actions only), space-separated.</summary>
    public string Assignees { get; set; } = string.Empty;

    public List<ItemOwner> Owners { get; } = [];

    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>A person an action names (the project's alias-aware attribution).</summary>
public sealed class ItemOwner
{
    public int ItemId { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The nick as the action text or attendee list spelled it.</summary>
    public required string Nick { get; set; }
}
