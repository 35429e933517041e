using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Projects;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Projects;

/// <summary>A repository or tracker the meetings mention: how many meetings did, and how many of its tickets.</summary>
public sealed record ProjectSummary(string Key, ProjectKind Kind, string Url, int Meetings, int Tickets, DateTimeOffset First, DateTimeOffset Last);

/// <summary>One ticket of a project: its canonical address and the meetings that mentioned it.</summary>
public sealed record ProjectTicket(string Ticket, TicketKind Kind, string Url, int Meetings, DateTimeOffset First, DateTimeOffset Last);

/// <summary>
/// Where a project was mentioned: an item (its kind and number; an action, an idea, an agreement...) or, when no item
/// was said there, the log line itself; with the tickets it named (empty: the project itself).
/// </summary>
public sealed record ProjectMentionRow(
    int MeetingId,
    string Meeting,
    string TeamKey,
    string TeamName,
    DateTimeOffset StartedAt,
    int? Line,
    ItemKind? Kind,
    int? ItemNumber,
    string Nick,
    string Text,
    IReadOnlyList<string> Tickets);

/// <summary>Everything /projects/{key} and GET /api/projects/{key} show.</summary>
public sealed record ProjectDetail(ProjectSummary Summary, IReadOnlyList<ProjectTicket> Tickets, IReadOnlyList<ProjectMentionRow> Mentions);

/// <summary>How pages name a ticket's kind.</summary>
public static class TicketLabels
{
    public static string Of(TicketKind? kind) => kind switch { TicketKind.PullRequest => "Pull request", TicketKind.Bug => "Bug", _ => "Issue" };
}

/// <summary>A project or ticket an item names, for the action and idea pages.</summary>
public sealed record ItemReference(string ProjectKey, ProjectKind ProjectKind, string? Ticket, TicketKind? TicketKind, string Url);

/// <summary>
/// What /projects, /projects/{key} and their API read from the stored mentions (<see cref="ProjectMention"/>), kept in
/// the digest cache, so a harvest or a re-read renews them like a team's digest.
/// </summary>
public sealed class ProjectQueries(IDbContextFactory<TrackerDb> dbFactory, DigestCache cache)
{
    /// <summary>Every project mentioned, most meetings first.</summary>
    public Task<IReadOnlyList<ProjectSummary>> AllAsync(CancellationToken cancellationToken)
        => cache.GetAsync(AllKey.Instance, BuildAllAsync, cancellationToken);

    /// <summary>One project by its key (lower case as stored; the caller's case is forgiven), or null.</summary>
    public async Task<ProjectDetail?> FindAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normal = key.Trim('/').ToLowerInvariant();
        var all = await AllAsync(cancellationToken);
        var summary = all.FirstOrDefault(p => string.Equals(p.Key, normal, StringComparison.Ordinal));
        if (summary is null) return null;
        return await cache.GetAsync(new ProjectKey(summary.Key, summary.Meetings, summary.Last), ct => BuildAsync(summary, ct), cancellationToken);
    }

    /// <summary>The projects and tickets said on these items' lines (or found in their texts, for items without one), each once.</summary>
    public static async Task<IReadOnlyList<ItemReference>> OfItemsAsync(TrackerDb db, IReadOnlyCollection<(int MeetingId, int ItemNumber, int? Line)> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return [];
        var meetings = items.Select(i => i.MeetingId).Distinct().ToList();
        var rows = await db.Mentions.AsNoTracking().Where(m => meetings.Contains(m.MeetingId))
            .Select(m => new { m.MeetingId, m.Line, m.ItemNumber, Reference = new ItemReference(m.ProjectKey, m.ProjectKind, m.Ticket, m.TicketKind, m.Url) })
            .ToListAsync(cancellationToken);
        var lines = items.Where(i => i.Line is not null).Select(i => (i.MeetingId, i.Line!.Value)).ToHashSet();
        var numbers = items.Select(i => (i.MeetingId, i.ItemNumber)).ToHashSet();
        return [.. rows
            .Where(r => r.Line is { } line ? lines.Contains((r.MeetingId, line)) : r.ItemNumber is { } n && numbers.Contains((r.MeetingId, n)))
            .Select(r => r.Reference)
            .DistinctBy(r => (r.ProjectKey, r.Ticket))];
    }

    private async Task<IReadOnlyList<ProjectSummary>> BuildAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from m in db.Mentions.AsNoTracking()
                          join meeting in db.Meetings on m.MeetingId equals meeting.Id
                          select new { m.ProjectKey, m.ProjectKind, m.Ticket, m.MeetingId, meeting.StartedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.ProjectKey, StringComparer.Ordinal)
            .Select(g => new ProjectSummary(
                g.Key,
                g.First().ProjectKind,
                "https://" + g.Key,
                g.Select(r => r.MeetingId).Distinct().Count(),
                g.Where(r => r.Ticket is not null).Select(r => r.Ticket).Distinct(StringComparer.Ordinal).Count(),
                g.Min(r => r.StartedAt),
                g.Max(r => r.StartedAt)))
            .OrderByDescending(p => p.Meetings).ThenByDescending(p => p.Last).ThenBy(p => p.Key, StringComparer.Ordinal)];
    }

    private async Task<ProjectDetail> BuildAsync(ProjectSummary summary, CancellationToken cancellationToken)
    {
        var key = summary.Key;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mentions = await (from m in db.Mentions.AsNoTracking().Where(m => m.ProjectKey == key)
                              join meeting in db.Meetings on m.MeetingId equals meeting.Id
                              join team in db.Teams on meeting.TeamId equals team.Id
                              select new
                              {
                                  m.MeetingId, m.Line, m.ItemNumber, m.Ticket, m.TicketKind, m.Url,
                                  Meeting = meeting.Title ?? meeting.MeetingKey, meeting.StartedAt, TeamKey = team.Key, TeamName = team.Name,
                              })
            .ToListAsync(cancellationToken);

        // The items said where the project was mentioned, and the lines where no item was.
        var items = await (from i in db.Items.AsNoTracking().Where(i => i.RemovedAt == null)
                           join m in db.Mentions.Where(m => m.ProjectKey == key) on i.MeetingId equals m.MeetingId
                           where (m.Line != null && i.Line == m.Line) || (m.ItemNumber != null && i.Number == m.ItemNumber)
                           select new { i.MeetingId, i.Number, i.Line, i.Kind, i.Nick, i.Text, i.Ordinal })
            .Distinct().ToListAsync(cancellationToken);
        var lines = await (from l in db.Lines.AsNoTracking()
                           join m in db.Mentions.Where(m => m.ProjectKey == key) on new { l.MeetingId, Number = (int?)l.Number } equals new { m.MeetingId, Number = m.Line }
                           select new { l.MeetingId, l.Number, l.Nick, l.Text })
            .Distinct().ToListAsync(cancellationToken);
        var itemsAt = items.ToLookup(i => (i.MeetingId, i.Line));
        var itemOf = items.ToDictionary(i => (i.MeetingId, i.Number));
        var lineOf = lines.ToDictionary(l => (l.MeetingId, l.Number));

        var rows = new List<ProjectMentionRow>();
        foreach (var place in mentions.GroupBy(m => (m.MeetingId, m.Line, m.ItemNumber)))
        {
            var m = place.First();
            var named = place.Select(x => x.Ticket).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (m.Line is { } line)
            {
                var said = itemsAt[(m.MeetingId, line)].OrderBy(i => i.Ordinal).ToList();
                foreach (var i in said) rows.Add(new(m.MeetingId, m.Meeting, m.TeamKey, m.TeamName, m.StartedAt, line, i.Kind, i.Number, i.Nick, i.Text, named));
                if (said.Count == 0 && lineOf.TryGetValue((m.MeetingId, line), out var l))
                {
                    rows.Add(new(m.MeetingId, m.Meeting, m.TeamKey, m.TeamName, m.StartedAt, line, null, null, l.Nick, l.Text, named));
                }
            }
            else if (m.ItemNumber is { } n && itemOf.TryGetValue((m.MeetingId, n), out var i))
            {
                rows.Add(new(m.MeetingId, m.Meeting, m.TeamKey, m.TeamName, m.StartedAt, i.Line, i.Kind, i.Number, i.Nick, i.Text, named));
            }
        }

        var tickets = mentions.Where(m => m.Ticket is not null).GroupBy(m => m.Ticket!, StringComparer.Ordinal)
            .Select(g => new ProjectTicket(g.Key, g.First().TicketKind ?? TicketKind.Issue, g.First().Url, g.Select(x => x.MeetingId).Distinct().Count(), g.Min(x => x.StartedAt), g.Max(x => x.StartedAt)))
            .OrderByDescending(t => t.Last).ThenBy(t => t.Ticket.Length).ThenBy(t => t.Ticket, StringComparer.Ordinal)
            .ToList();
        return new ProjectDetail(
            summary,
            tickets,
            [.. rows.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.MeetingId).ThenBy(r => r.Line ?? int.MaxValue).ThenBy(r => r.ItemNumber ?? 0)]);
    }

    private sealed record AllKey
    {
        public static readonly AllKey Instance = new();
    }

    // The project's meeting count and last time are part of the key: a harvest that adds a mention makes a new entry.
    private sealed record ProjectKey(string Key, int Meetings, DateTimeOffset Last);
}
