using System.Text.Json.Serialization;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;

namespace MeetingTracker.Web.Components.Pages.Meetings;

/// <summary>A meeting's own fields, as the meeting page, the API and the feeds show them.</summary>
public sealed record MeetingHeader(
    int Id,
    string MeetingKey,
    string Folder,
    int SourceId,
    int TeamId,
    string TeamKey,
    string TeamName,
    string? Title,
    string? MeetingName,
    string? Channel,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? StartedBy,
    string Chairs,
    string Dialect,
    string ReadFrom,
    bool IsComplete,
    int LineCount,
    DateTimeOffset ReadAt)
{
    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? MeetingName ?? MeetingKey : Title;

    public TimeSpan? Duration => EndedAt - StartedAt;

    public IReadOnlyList<string> ChairList => Chairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A <c>#topic</c>; <see cref="Ordinal"/> is 0-based, <see cref="Line"/> its log line when known.</summary>
public sealed record TopicEntry(int Ordinal, string Title, string Nick, DateTimeOffset Time, int? Line);

/// <summary>A minutes item (removed items left out); <see cref="Number"/> is its stable <c>item-N</c> anchor.</summary>
public sealed record ItemEntry(
    int Number,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ItemKind>))] ItemKind Kind,
    string Text,
    string Nick,
    DateTimeOffset Time,
    int? Line,
    int? TopicOrdinal,
    string? Url,
    IReadOnlyList<OwnerEntry> Owners,
    VoteEntry? Vote = null);

/// <summary>
/// A vote item's record: <see cref="Outcome"/> as announced (carried, denied, deadlock), the counts where the file gives
/// them, the voters, and the vote results' own statement when the minutes print one (it may contradict the outcome).
/// </summary>
public sealed record VoteEntry(string Question, string? Outcome, int? For, int? Against, int? Abstained, IReadOnlyList<string> Voters, string? ResultsStatement)
{
    public static VoteEntry? From(ItemVote? vote) => vote is null ? null
        : new VoteEntry(vote.Question, vote.Outcome, vote.For, vote.Against, vote.Abstained, vote.Voters.Split(' ', StringSplitOptions.RemoveEmptyEntries), vote.ResultsStatement);

    /// <summary>The results statement when it says otherwise than the outcome.</summary>
    public string? Contradiction => ResultsStatement is { } s && Outcome is { } o && !s.Contains(o, StringComparison.OrdinalIgnoreCase) ? s : null;
}

/// <summary>A person an action names: the nick as written and the person's name (their page).</summary>
public sealed record OwnerEntry(string Nick, string Person);

/// <summary>Someone present, with the lines they said as MeetBot counts them.</summary>
public sealed record AttendeeEntry(string Nick, string Person, int Lines);

/// <summary>One log line; <see cref="Person"/> is null for bots and unknown speakers.</summary>
public sealed record LineEntry(int Number, DateTimeOffset Time, string Nick, string? Person, string Text, bool IsEmote);

/// <summary>Another meeting of the same team, for previous/next links.</summary>
public sealed record MeetingLink(int Id, string MeetingKey, string? Title, DateTimeOffset StartedAt);

/// <summary>One of the meeting's files on its source; <see cref="Url"/> is null for a folder source.</summary>
public sealed record SourceFile(string Path, string Name, string? Url);

/// <summary>A meeting with its minutes and who was there (not its log).</summary>
public sealed record MeetingDetails(
    MeetingHeader Meeting,
    IReadOnlyList<TopicEntry> Topics,
    IReadOnlyList<ItemEntry> Items,
    IReadOnlyList<AttendeeEntry> Attendance);
