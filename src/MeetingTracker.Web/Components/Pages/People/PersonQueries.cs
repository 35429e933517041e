using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Teams;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.People;

public enum PeopleOrder
{
    Name,
    Meetings,
}

/// <summary>One page of each list of a person page.</summary>
public sealed record PersonLists(PageOf<AttendedMeeting> Meetings, PageOf<PersonItem> Actions, PageOf<PersonItem> Ideas);

/// <summary>
/// What the people pages and /api/people read: the roster and each person's digest come from <see cref="DigestCache"/>;
/// a page of a list is the digest's ids for that page, fetched by primary key.
/// </summary>
public sealed class PersonQueries(IDbContextFactory<TrackerDb> dbFactory, DigestCache cache, AccountabilityService accountability, Actions.ActionStandings standings)
{
    public Task<PeopleRoster> RosterAsync(CancellationToken cancellationToken)
        => cache.GetAsync(new RosterKey(), ct => PersonDigests.RosterAsync(dbFactory, ct), cancellationToken);

    /// <summary>People whose name or a nick contains <paramref name="query"/> (any case), in the given order.</summary>
    public async Task<PageOf<PersonEntry>> ListAsync(string? query, PeopleOrder order, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var roster = await RosterAsync(cancellationToken);
        var q = query?.Trim();
        IEnumerable<PersonEntry> people = roster.People;
        if (!string.IsNullOrEmpty(q))
        {
            people = people.Where(p => p.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
                || p.Aliases.Any(a => a.Contains(q, StringComparison.OrdinalIgnoreCase)));
        }

        people = order == PeopleOrder.Meetings
            ? people.OrderByDescending(p => p.Meetings).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id)
            : people.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id);
        return Slice(people.ToList(), page, pageSize);
    }

    /// <summary>
    /// The person a URL segment names: the person of that exact name, else of that nick (any case), else of that name
    /// (any case), the lowest id first. Null when nobody goes by it.
    /// </summary>
    public async Task<PersonLookup?> FindAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var roster = await RosterAsync(cancellationToken);
        if (roster.ByName.TryGetValue(name, out var exact)) return new PersonLookup(exact, true);
        var person = roster.ByNick.GetValueOrDefault(name) ?? roster.ByNameIgnoringCase.GetValueOrDefault(name);
        return person is null ? null : new PersonLookup(person, false);
    }

    public Task<PersonDigest> DigestAsync(PersonEntry person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return cache.GetAsync(new DigestKey(person.Id), ct => PersonDigests.PersonAsync(dbFactory, accountability, person, ct), cancellationToken);
    }

    /// <summary>The asked pages of the person's meetings, actions and ideas (cached as digests are).</summary>
    public async Task<PersonLists> ListsAsync(PersonDigest digest, (int? Page, int? Size) meetings, (int? Page, int? Size) actions, (int? Page, int? Size) ideas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return new PersonLists(
            await MeetingsAsync(digest, meetings.Page, meetings.Size, cancellationToken),
            await ItemsPageAsync(digest.Person.Id, ItemList.Actions, digest.ActionIds, actions.Page, actions.Size, cancellationToken),
            await ItemsPageAsync(digest.Person.Id, ItemList.Ideas, digest.IdeaIds, ideas.Page, ideas.Size, cancellationToken));
    }

    /// <summary>Where every action stands now (what people said over what the logs say), for <see cref="Judge"/>.</summary>
    public Task<Actions.Standings> StandingsAsync(CancellationToken cancellationToken) => standings.ReadAsync(cancellationToken);

    /// <summary>How old an action is and where it stands now (<see cref="Core.Accountability.Events.ActionStanding"/>), as every page shows it.</summary>
    public static (int AgeDays, ActionState State) Judge(ActionChain chain, Actions.Standings now)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(now);
        return (chain.AgeDays(now.Now), now.Of(chain).State);
    }

    /// <summary>One page of the person's actions, most recently seen first.</summary>
    public Task<PageOf<PersonItem>> ActionsAsync(PersonDigest digest, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return ItemsPageAsync(digest.Person.Id, ItemList.Actions, digest.ActionIds, page, pageSize, cancellationToken);
    }

    private Task<PageOf<AttendedMeeting>> MeetingsAsync(PersonDigest digest, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var slice = Slice(digest.Attended, page, pageSize);
        if (slice.Items.Count == 0) return Task.FromResult(Replace(slice, Array.Empty<AttendedMeeting>()));
        return cache.GetAsync(
            new MeetingsKey(digest.Person.Id, slice.Page, slice.PageSize),
            async ct =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return Replace(slice, await MeetingsAsync(db, slice.Items, ct));
            },
            cancellationToken);
    }

    private Task<PageOf<PersonItem>> ItemsPageAsync(int personId, ItemList list, IReadOnlyList<int> ids, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var slice = Slice(ids, page, pageSize);
        if (slice.Items.Count == 0) return Task.FromResult(Replace(slice, Array.Empty<PersonItem>()));
        return cache.GetAsync(
            new ItemsKey(personId, list, slice.Page, slice.PageSize),
            async ct =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await db.Database.OpenConnectionAsync(ct);
                return Replace(slice, await ItemsAsync(db, slice.Items, ct));
            },
            cancellationToken);
    }

    private static async Task<IReadOnlyList<AttendedMeeting>> MeetingsAsync(TrackerDb db, IReadOnlyList<AttendedRef> refs, CancellationToken cancellationToken)
    {
        if (refs.Count == 0) return [];
        var ids = refs.Select(r => r.MeetingId).ToList();
        var rows = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new AttendedMeeting(m.Id, m.MeetingKey, m.Title, m.StartedAt, m.Team!.Key, m.Team.Name, 0))
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        return [.. refs.Where(r => rows.ContainsKey(r.MeetingId)).Select(r => rows[r.MeetingId] with { Lines = r.Lines })];
    }

    private static async Task<IReadOnlyList<PersonItem>> ItemsAsync(TrackerDb db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var list = ids.ToList();
        var rows = await db.Items.AsNoTracking().Where(i => list.Contains(i.Id))
            .Select(i => new PersonItem(
                i.Id, i.MeetingId, i.Number, i.Text, i.Time, i.Meeting!.Team!.Key, i.Meeting.Team.Name, i.Meeting.Title, Array.Empty<PersonRef>()))
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var owners = await ItemOwnerQueries.OwnersAsync(db, list, cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id] with { Owners = [.. owners[id]] })];
    }

    private static PageOf<T> Slice<T>(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var items = all.Skip((p - 1) * size).Take(size).ToList();
        return new PageOf<T>(items, p, size, all.Count);
    }

    private static PageOf<TOut> Replace<TIn, TOut>(PageOf<TIn> page, IReadOnlyList<TOut> items) => new(items, page.Page, page.PageSize, page.Total);

    private sealed record RosterKey;

    private sealed record DigestKey(int PersonId);

    private sealed record MeetingsKey(int PersonId, int Page, int Size);

    private sealed record ItemsKey(int PersonId, ItemList List, int Page, int Size);

    private enum ItemList
    {
        Actions,
        Ideas,
    }
}
