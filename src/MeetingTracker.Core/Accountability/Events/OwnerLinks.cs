using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accountability.Events;

/// <summary>
/// The people behind the owners and champions the site records (<see cref="OwnerRef"/>): an account through its
/// verified claims (the person's page, the claimed nick; its shown name when it has none), a nick through the alias
/// table. Read once per request for the refs it is given (a few rows).
/// </summary>
public sealed class OwnerResolver
{
    private readonly Dictionary<string, (string Shown, List<(int PersonId, string Name, string Nick)> People)> accounts;
    private readonly Dictionary<string, (int PersonId, string Name)> nicks;

    private OwnerResolver(
        Dictionary<string, (string, List<(int, string, string)>)> accounts, Dictionary<string, (int, string)> nicks)
    {
        this.accounts = accounts;
        this.nicks = nicks;
    }

    public static async Task<OwnerResolver> LoadAsync(TrackerDb db, IEnumerable<OwnerRef> refs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(refs);
        var list = refs.ToList();
        var accountIds = list.Select(r => r.AccountId).OfType<string>().Distinct().ToList();
        var nickList = list.Select(r => r.Nick).OfType<string>().Select(n => n.ToLowerInvariant()).Distinct().ToList();
        var accounts = new Dictionary<string, (string, List<(int, string, string)>)>(StringComparer.Ordinal);
        if (accountIds.Count > 0)
        {
            var shown = await db.Users.AsNoTracking().Where(a => accountIds.Contains(a.Id))
                .Select(a => new { a.Id, a.DisplayName, a.DeletedAt }).ToListAsync(cancellationToken);
            var claims = await (from c in db.NickClaims.AsNoTracking()
                                join p in db.People on c.PersonId equals p.Id
                                where accountIds.Contains(c.AccountId) && c.Status == ClaimStatus.Verified
                                orderby c.Id
                                select new { c.AccountId, c.PersonId, p.Name, c.Nick }).ToListAsync(cancellationToken);
            foreach (var a in shown)
            {
                accounts[a.Id] = (a.DeletedAt is null ? a.DisplayName : Core.Accounts.Account.DeletedName,
                    [.. claims.Where(c => c.AccountId == a.Id).Select(c => (c.PersonId, c.Name, c.Nick))]);
            }
        }

        var resolved = new Dictionary<string, (int, string)>(StringComparer.OrdinalIgnoreCase);
        if (nickList.Count > 0)
        {
#pragma warning disable CA1862 // EF turns ToLower into SQL's lower()
            var rows = await db.PersonAliases.AsNoTracking().Where(a => nickList.Contains(a.Nick.ToLower()))
                .Select(a => new { a.Nick, a.PersonId, a.Person!.Name }).ToListAsync(cancellationToken);
#pragma warning restore CA1862
            foreach (var r in rows) resolved.TryAdd(r.Nick, (r.PersonId, r.Name));
        }

        return new OwnerResolver(accounts, resolved);
    }

    /// <summary>How the owner is shown: the person's page and the nick, or the account's name with no page.</summary>
    public OwnerLink Link(OwnerRef owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (owner.AccountId is { } id)
        {
            if (!accounts.TryGetValue(id, out var account)) return new OwnerLink(null, Core.Accounts.Account.DeletedName);
            return account.People is [var first, ..] ? new OwnerLink(first.Name, first.Nick) : new OwnerLink(null, account.Shown);
        }

        var nick = owner.Nick ?? string.Empty;
        return nicks.TryGetValue(nick, out var person) ? new OwnerLink(person.Name, nick) : new OwnerLink(null, nick);
    }

    /// <summary>The people the owner stands for (an account's verified people, a nick's person).</summary>
    public IEnumerable<int> People(OwnerRef owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (owner.AccountId is { } id) return accounts.TryGetValue(id, out var a) ? a.People.Select(p => p.PersonId) : [];
        return owner.Nick is { } nick && nicks.TryGetValue(nick, out var person) ? [person.PersonId] : [];
    }

    /// <summary>The name shown for an account (what it said is attributed to it).</summary>
    public string AccountName(string accountId) => accounts.TryGetValue(accountId, out var a) ? a.Shown : Core.Accounts.Account.DeletedName;
}

/// <summary>An owner of an action: the person's page name (null for an account with no verified person) and the nick as the action spelled it (or as claimed).</summary>
public sealed record OwnerLink(string? Name, string Nick);

/// <summary>Who owns actions now, as the pages, the API and the agenda show them.</summary>
public static class OwnerLinks
{
    /// <summary>
    /// The owners of each action (by chain id), in one read: the logs' owners of its latest occurrence, or, once the
    /// site gave it to someone (taken, reassigned, released), those.
    /// </summary>
    public static async Task<ILookup<int, OwnerLink>> OfAsync(TrackerDb db, IReadOnlyList<ActionStanding> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actions);
        var fromLogs = await OwnersAsync(db, [.. actions.Where(a => !a.OwnersReplaced).Select(a => a.Chain.Latest.ItemId)], cancellationToken);
        var given = actions.Where(a => a.OwnersReplaced).ToList();
        var resolver = await OwnerResolver.LoadAsync(db, given.SelectMany(a => a.Record.Owners!), cancellationToken);
        return actions.SelectMany(a => a.OwnersReplaced
                ? a.Record.Owners!.Select(o => (a.Id, Owner: resolver.Link(o)))
                : fromLogs[a.Chain.Latest.ItemId].Select(o => (a.Id, Owner: o)))
            .ToLookup(p => p.Id, p => p.Owner);
    }

    private static async Task<ILookup<int, OwnerLink>> OwnersAsync(TrackerDb db, List<int> itemIds, CancellationToken cancellationToken)
    {
        var owners = await db.ItemOwners.AsNoTracking()
            .Where(o => itemIds.Contains(o.ItemId))
            .Select(o => new { o.ItemId, o.Person!.Name, o.Nick })
            .ToListAsync(cancellationToken);
        return owners.OrderBy(o => o.Nick, StringComparer.OrdinalIgnoreCase).ToLookup(o => o.ItemId, o => new OwnerLink(o.Name, o.Nick));
    }
}
