using MeetingTracker.Core.Accountability;
using MeetingTracker.Web.Components.Pages.Teams;

namespace MeetingTracker.Web.Components.Pages.People;

/// <summary>A person as the index lists them; <see cref="Meetings"/> counts distinct meetings attended.</summary>
public sealed record PersonEntry(int Id, string Name, IReadOnlyList<string> Aliases, int Meetings, int Lines, DateTimeOffset? LastSeen);

/// <summary>Where a person URL leads, and whether the URL spelled the person's name exactly.</summary>
public sealed record PersonLookup(PersonEntry Person, bool IsCanonical);

/// <summary>What a person page shows besides its paged lists, built once per harvest.</summary>
/// <param name="Attended">Meetings attended, newest first, with the lines said in each.</param>
/// <param name="ActionIds">
/// The person's actions, most recently seen first: the latest item of each carry-over chain whose latest occurrence
/// names them (as /actions?person= counts them).
/// </param>
/// <param name="Chains">The chain of each of <paramref name="ActionIds"/>, by that item id.</param>
/// <param name="IdeaIds">Ideas the person raised, newest first.</param>
public sealed record PersonDigest(
    PersonEntry Person,
    IReadOnlyList<PersonTeam> Teams,
    IReadOnlyList<AttendedRef> Attended,
    IReadOnlyList<int> ActionIds,
    IReadOnlyDictionary<int, ActionChain> Chains,
    IReadOnlyList<int> IdeaIds);

public sealed record PersonTeam(string Key, string Name, int Meetings, int Lines, DateTimeOffset LastSeen);

public sealed record AttendedRef(int MeetingId, int Lines);

public sealed record AttendedMeeting(int Id, string MeetingKey, string? Title, DateTimeOffset StartedAt, string TeamKey, string TeamName, int Lines);

/// <summary>An action or idea on a person page, with the meeting it was said in.</summary>
public sealed record PersonItem(
    int Id,
    int MeetingId,
    int Number,
    string Text,
    DateTimeOffset Time,
    string TeamKey,
    string TeamName,
    string? MeetingTitle,
    IReadOnlyList<PersonRef> Owners);

/// <summary>Every person and the ways URLs name them, for lookups and the index without a query.</summary>
public sealed record PeopleRoster(
    IReadOnlyList<PersonEntry> People,
    IReadOnlyDictionary<string, PersonEntry> ByName,
    IReadOnlyDictionary<string, PersonEntry> ByNick,
    IReadOnlyDictionary<string, PersonEntry> ByNameIgnoringCase);
