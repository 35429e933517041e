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

    /// <summary>For a vote item: its question, outcome, counts and voters as the meeting's file gives them.</summary>
    public ItemVote? Vote { get; set; }

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

/// <summary>A vote item's record (stored in the item's row; harvested data, replaced on every re-read).</summary>
public sealed class ItemVote
{
    public required string Question { get; set; }

    /// <summary><see cref="VoteOutcomes"/>: carried, denied or deadlock; null when nothing tells.</summary>
    public string? Outcome { get; set; }

    public int? For { get; set; }

    public int? Against { get; set; }

    public int? Abstained { get; set; }

    /// <summary>Space-separated nicks, each once, in the order they first voted.</summary>
    public string Voters { get; set; } = string.Empty;

    /// <summary>The vote results' own sentence when the minutes print one ("Motion carried"); it may contradict <see cref="Outcome"/>.</summary>
    public string? ResultsStatement { get; set; }

    public static ItemVote? From(VoteRecord? vote) => vote is null ? null : new ItemVote
    {
        Question = IrcText.Clean(vote.Question),
        Outcome = vote.Outcome,
        For = vote.For,
        Against = vote.Against,
        Abstained = vote.Abstained,
        Voters = string.Join(' ', vote.Voters),
        ResultsStatement = vote.ResultsStatement,
    };
}
