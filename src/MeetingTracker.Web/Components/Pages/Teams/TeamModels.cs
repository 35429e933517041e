using MeetingTracker.Web.Components.Common;
using MeetingTracker.Core.Accountability;

namespace MeetingTracker.Web.Components.Pages.Teams;

/// <summary>A team as the index lists it: its activity and its latest meeting.</summary>
public sealed record TeamSummary(
    int Id,
    string Key,
    string Name,
    int Meetings,
    DateTimeOffset? FirstMeeting,
    DateTimeOffset? LastMeeting,
    int? LastMeetingId,
    string? LastMeetingTitle,
    int People,
    int Actions,
    int RecentActions);

/// <summary>Where a team URL leads: the team, and whether the URL named it by its key or by an alias.</summary>
public sealed record TeamRef(int Id, string Key, bool IsCanonical);

/// <summary>What a team page shows besides its timeline, built once per harvest (see <see cref="DigestCache"/>).</summary>
/// <param name="Actions">The latest occurrence of the team's most recently seen action chains.</param>
/// <param name="Chains">The chain of each of <paramref name="Actions"/>, by item id.</param>
public sealed record TeamDigest(
    TeamHeader Header,
    IReadOnlyList<AttendancePoint> Attendance,
    IReadOnlyList<ItemRow> Actions,
    IReadOnlyDictionary<int, ActionChain> Chains,
    IReadOnlyList<ItemRow> Ideas,
    IReadOnlyList<TeamMember> People);

public sealed record TeamHeader(
    int Id,
    string Key,
    string Name,
    IReadOnlyList<string> Aliases,
    int Meetings,
    DateTimeOffset? FirstMeeting,
    DateTimeOffset? LastMeeting,
    int? LatestMeetingId);

/// <summary>People present at one meeting.</summary>
public sealed record AttendancePoint(int MeetingId, DateTimeOffset StartedAt, int People);

/// <summary>A person as a link: the page is found by <see cref="Name"/>.</summary>
public sealed record PersonRef(int Id, string Name);

/// <summary>A minutes item with where it was said; <see cref="Owners"/> are the people an action names.</summary>
public sealed record ItemRow(
    int Id,
    int MeetingId,
    int Number,
    string Text,
    DateTimeOffset Time,
    string Nick,
    PersonRef? RaisedBy,
    IReadOnlyList<PersonRef> Owners);

/// <summary>Someone who attends a team's meetings.</summary>
public sealed record TeamMember(PersonRef Person, int Meetings, int Lines, DateTimeOffset LastSeen);

/// <summary>One meeting of a team's timeline.</summary>
public sealed record TimelineMeeting(
    int Id,
    string MeetingKey,
    string? Title,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Topics,
    int Actions,
    int Ideas,
    int People);
