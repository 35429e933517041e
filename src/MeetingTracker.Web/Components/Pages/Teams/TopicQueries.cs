using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Topics;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Teams;

/// <summary>An item said under a topic.</summary>
public sealed record TopicItem(int ItemId, int Number, ItemKind Kind, string Text, string Nick, int? Line, string? Url);

/// <summary>
/// One meeting's discussion of a topic: its items in order and the span of the log it took (from the topic's line to
/// the line before the next topic, or the end of the meeting; null when the file gave no lines).
/// </summary>
public sealed record TopicMeeting(int MeetingId, string Title, DateTimeOffset StartedAt, int? FromLine, int? ToLine, IReadOnlyList<TopicItem> Items);

/// <summary>An action raised or carried under a topic that is still open, where it stands now.</summary>
public sealed record TopicOpenAction(int ChainId, string Text, string State, DateTimeOffset FirstRaised, int AgeDays);

/// <summary>
/// What the topic pages and /api/teams/{team}/topics read: a team's topics (<see cref="TopicCatalog"/> over every
/// <c>#topic</c> of its meetings) and one topic's meetings, both kept in the digest cache, so a harvest or a re-read
/// renews them as it renews the team's digest; a topic's open actions are read from the accountability snapshot and
/// the events at each request.
/// </summary>
public sealed class TopicQueries(IDbContextFactory<TrackerDb> dbFactory, DigestCache cache, ActionStandings standings)
{
    /// <summary>The team's topics, most recently discussed first (routine ones included, marked).</summary>
    public Task<IReadOnlyList<TeamTopic>> TopicsAsync(int teamId, CancellationToken cancellationToken)
        => cache.GetAsync(new TopicsKey(teamId), ct => BuildTopicsAsync(teamId, ct), cancellationToken);

    /// <summary>The topic of that slug, or null.</summary>
    public async Task<TeamTopic?> FindAsync(int teamId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var topics = await TopicsAsync(teamId, cancellationToken);
        return topics.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.Ordinal));
    }

    /// <summary>Each meeting that discussed the topic, newest first, with what was said under it.</summary>
    public Task<IReadOnlyList<TopicMeeting>> MeetingsAsync(int teamId, TeamTopic topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return cache.GetAsync(new TopicKey(teamId, topic.Key, topic.Meetings.Count, topic.Last), ct => BuildMeetingsAsync(topic, ct), cancellationToken);
    }

    /// <summary>The topic's actions that are not done or dropped, oldest first, one per chain.</summary>
    public async Task<IReadOnlyList<TopicOpenAction>> OpenActionsAsync(IReadOnlyList<TopicMeeting> meetings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var now = await standings.ReadAsync(cancellationToken);
        var chains = meetings.SelectMany(m => m.Items).Where(i => i.Kind == ItemKind.Action)
            .Select(i => now.Snapshot.ChainOfItem(i.ItemId)).OfType<ActionChain>().DistinctBy(c => c.Id);
        return [.. chains.Select(c => (Chain: c, Standing: now.Of(c)))
            .Where(x => !x.Standing.State.IsClosed())
            .OrderBy(x => x.Chain.First.Time).ThenBy(x => x.Chain.Id)
            .Select(x => new TopicOpenAction(x.Chain.Id, x.Chain.Text, ActionStates.Name(x.Standing.State), x.Chain.First.Time, x.Chain.AgeDays(now.Now)))];
    }

    private async Task<IReadOnlyList<TeamTopic>> BuildTopicsAsync(int teamId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await TopicCatalog.ReadAsync(db, teamId, cancellationToken);
    }

    private async Task<IReadOnlyList<TopicMeeting>> BuildMeetingsAsync(TeamTopic topic, CancellationToken cancellationToken)
    {
        var ids = topic.Meetings.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, m.MeetingKey, m.StartedAt, m.LineCount }).ToListAsync(cancellationToken);
        var topics = (await db.Topics.AsNoTracking().Where(t => ids.Contains(t.MeetingId))
            .Select(t => new { t.MeetingId, t.Ordinal, t.Title, t.Line }).ToListAsync(cancellationToken))
            .ToLookup(t => t.MeetingId);
        var items = (await db.Items.AsNoTracking().Where(i => ids.Contains(i.MeetingId) && i.RemovedAt == null && i.TopicOrdinal != null)
            .Select(i => new { i.MeetingId, i.TopicOrdinal, i.Ordinal, Item = new TopicItem(i.Id, i.Number, i.Kind, i.Text, i.Nick, i.Line, i.Url) })
            .ToListAsync(cancellationToken))
            .ToLookup(i => (i.MeetingId, i.TopicOrdinal!.Value));

        var result = new List<TopicMeeting>(meetings.Count);
        foreach (var meeting in meetings.OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id))
        {
            var own = topics[meeting.Id].OrderBy(t => t.Ordinal).ToList();
            for (var i = 0; i < own.Count; i++)
            {
                if (TopicTitle.Of(own[i].Title).Key != topic.Key) continue;
                var next = own.Skip(i + 1).Select(t => t.Line).FirstOrDefault(l => l is not null);
                var to = own[i].Line is null ? (int?)null : next is { } n ? n - 1 : meeting.LineCount > 0 ? meeting.LineCount : null;
                var said = items[(meeting.Id, own[i].Ordinal)].OrderBy(x => x.Ordinal).Select(x => x.Item).ToList();
                result.Add(new TopicMeeting(meeting.Id, meeting.Title ?? meeting.MeetingKey, meeting.StartedAt, own[i].Line, to, said));
            }
        }

        return result;
    }

    private sealed record TopicsKey(int TeamId);

    // The topic's meeting count and last time are part of the key: a harvest that adds a discussion makes a new entry.
    private sealed record TopicKey(int TeamId, string Key, int Meetings, DateTimeOffset Last);
}
