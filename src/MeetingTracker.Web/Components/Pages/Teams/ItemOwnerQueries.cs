using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Teams;

public static class ItemOwnerQueries
{
    /// <summary>
    /// The people each item names, by item id, sorted by name. A query of its own over the owners' primary key: as a
    /// collection inside the items' projection, SQLite joined every owner of every item before filtering.
    /// </summary>
    public static async Task<ILookup<int, PersonRef>> OwnersAsync(TrackerDb db, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(itemIds);
        if (itemIds.Count == 0) return Array.Empty<int>().ToLookup(i => i, _ => new PersonRef(0, string.Empty));
        var ids = itemIds.ToList();
        var owners = await db.ItemOwners.Where(o => ids.Contains(o.ItemId))
            .Select(o => new { o.ItemId, o.PersonId, o.Person!.Name })
            .ToListAsync(cancellationToken);
        return owners.OrderBy(o => o.Name, StringComparer.Ordinal).ToLookup(o => o.ItemId, o => new PersonRef(o.PersonId, o.Name));
    }
}
