using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Reminders;

/// <summary>An account digests go to: its address, verified people, preferences and team subscriptions.</summary>
public sealed record ReminderAccount(
    string Id, string Email, string Name, DateTimeOffset CreatedAt, ReminderPreferences Preferences, bool PreferencesSet,
    IReadOnlyList<int> People, IReadOnlyList<TeamDigestSubscription> Teams)
{
    /// <summary>The name of its first verified person (its actions are listed on that person's page).</summary>
    public string? PersonName { get; init; }
}

/// <summary>A team as a digest names and links it.</summary>
public sealed record ReminderTeam(int Id, string Key, string Name);

/// <summary>
/// Everything the digests of one run read, loaded once in a few set-based queries (whatever the number of accounts):
/// the chains where they stand at the run's moment, who owns each open one (the logs' owners, or those the site gave
/// it, resolved to people), the teams each person met with in the last year, each team's recent meetings and chairs,
/// and when each account's last digest of each kind was composed.
/// </summary>
public sealed class ReminderData
{
    /// <summary>A person "is in" a team they met with within this many days.</summary>
    public const int TeamMemberDays = 365;

    private ILookup<int, ActionStanding>? askingForHelp;

    private ReminderData(DateTimeOffset now, int dueDays, int followUpDays)
    {
        Now = now;
        DueDays = dueDays;
        FollowUpDays = followUpDays;
    }

    public DateTimeOffset Now { get; }

    public int DueDays { get; }

    public int FollowUpDays { get; }

    public IReadOnlyList<ReminderAccount> Accounts { get; private set; } = [];

    /// <summary>Every chain that is not closed, where it stands.</summary>
    public IReadOnlyDictionary<int, ActionStanding> Open { get; private set; } = new Dictionary<int, ActionStanding>();

    public IReadOnlyList<IdeaTrail> Ideas { get; private set; } = [];

    public LedgerView Ledger { get; private set; } = LedgerView.Empty;

    public IReadOnlyDictionary<int, ReminderTeam> Teams { get; private set; } = new Dictionary<int, ReminderTeam>();

    /// <summary>Open chains by the person who owns them.</summary>
    public ILookup<int, int> OwnedByPerson { get; private set; } = Array.Empty<int>().ToLookup(i => i);

    /// <summary>Open chains the site gave an account directly (it took them).</summary>
    public ILookup<string, int> OwnedByAccount { get; private set; } = Array.Empty<(string, int)>().ToLookup(i => i.Item1, i => i.Item2);

    /// <summary>
    /// Open chains that ask for help (need help, or no time and owned by nobody), by team: worked out once per run, not
    /// once per account over every open chain.
    /// </summary>
    public ILookup<int, ActionStanding> AskingForHelp => askingForHelp ??= Open.Values
        .Where(a => a.State == ActionState.NeedHelp || (a.State == ActionState.NoTime && !Owned.Contains(a.Id)))
        .ToLookup(a => a.Chain.TeamId);

    /// <summary>Whether a chain has owners at all (nobody owns a released one).</summary>
    public IReadOnlySet<int> Owned { get; private set; } = new HashSet<int>();

    public ILookup<int, int> TeamsOfPerson { get; private set; } = Array.Empty<int>().ToLookup(i => i);

    /// <summary>Each team's recent meeting starts, oldest first, and the chairs of its latest few.</summary>
    public IReadOnlyDictionary<int, (List<DateTimeOffset> Starts, HashSet<string> Chairs)> Meetings { get; private set; } = new Dictionary<int, (List<DateTimeOffset>, HashSet<string>)>();

    /// <summary>The nicks of each person (for the chair rule).</summary>
    public ILookup<int, string> Nicks { get; private set; } = Array.Empty<int>().ToLookup(i => i, _ => string.Empty);

    /// <summary>When each account's last digest of each kind was composed.</summary>
    public IReadOnlyDictionary<(string AccountId, string Kind), DateTimeOffset> LastDigest { get; private set; } = new Dictionary<(string, string), DateTimeOffset>();

    public static async Task<ReminderData> LoadAsync(
        TrackerDb db, AccountabilitySnapshot snapshot, LedgerView ledger, DateTimeOffset now, int dueDays, int followUpDays,
        string? onlyEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(ledger);
        var data = new ReminderData(now, dueDays, followUpDays) { Ledger = ledger, Ideas = snapshot.Ideas };
        data.Accounts = await AccountsAsync(db, now, onlyEmail, cancellationToken);

        var open = new Dictionary<int, ActionStanding>();
        foreach (var chain in snapshot.Actions)
        {
            var standing = ActionStanding.Of(chain, ledger.Action(chain.Id), now, dueDays);
            if (!standing.State.IsClosed()) open[chain.Id] = standing;
        }

        data.Open = open;
        data.Teams = await db.Teams.AsNoTracking().Select(t => new ReminderTeam(t.Id, t.Key, t.Name)).ToDictionaryAsync(t => t.Id, cancellationToken);
        await data.LoadOwnersAsync(db, cancellationToken);

        var people = data.Accounts.SelectMany(a => a.People).Distinct().ToList();
        var since = now.AddDays(-TeamMemberDays);
        var attended = await (from a in db.Attendance.AsNoTracking()
                              join m in db.Meetings.AsNoTracking() on a.MeetingId equals m.Id
                              where people.Contains(a.PersonId) && m.StartedAt >= since && m.StartedAt <= now
                              select new { a.PersonId, m.TeamId }).Distinct().ToListAsync(cancellationToken);
        data.TeamsOfPerson = attended.ToLookup(a => a.PersonId, a => a.TeamId);

        var subscribed = data.Accounts.SelectMany(a => a.Teams.Select(t => t.TeamId)).Distinct().ToList();
        if (subscribed.Count > 0)
        {
            var starts = await db.Meetings.AsNoTracking().Where(m => subscribed.Contains(m.TeamId) && m.StartedAt <= now)
                .Select(m => new { m.TeamId, m.StartedAt, m.Chairs }).ToListAsync(cancellationToken);
            data.Meetings = starts.GroupBy(m => m.TeamId).ToDictionary(
                g => g.Key,
                g =>
                {
                    var ordered = g.OrderBy(m => m.StartedAt).ToList();
                    var chairs = ordered.TakeLast(TeamChairs.RecentMeetings).SelectMany(m => m.Chairs.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    return (Starts: ordered.TakeLast(12).Select(m => m.StartedAt).ToList(), Chairs: new HashSet<string>(chairs, StringComparer.OrdinalIgnoreCase));
                });
            var chairPeople = data.Accounts.Where(a => a.Teams.Count > 0).SelectMany(a => a.People).Distinct().ToList();
            var nicks = await db.PersonAliases.AsNoTracking().Where(a => chairPeople.Contains(a.PersonId)).Select(a => new { a.PersonId, a.Nick }).ToListAsync(cancellationToken);
            data.Nicks = nicks.ToLookup(n => n.PersonId, n => n.Nick);
        }

        var ids = data.Accounts.Select(a => a.Id).ToList();
        var last = await db.Digests.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.AccountId))
            .GroupBy(d => new { d.AccountId, d.Kind }).Select(g => new { g.Key.AccountId, g.Key.Kind, At = g.Max(d => d.ComposedAt) })
            .ToListAsync(cancellationToken);
        data.LastDigest = last.ToDictionary(l => (l.AccountId, l.Kind), l => l.At);
        return data;
    }

    /// <summary>Whether one of the account's people chaired one of the team's latest meetings (the site's chair rule).</summary>
    public bool Chairs(ReminderAccount account, int teamId)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Meetings.TryGetValue(teamId, out var team) && account.People.Any(p => Nicks[p].Any(team.Chairs.Contains));
    }

    /// <summary>The open chains an account owns: through its people, or given to it directly.</summary>
    public IEnumerable<ActionStanding> OwnedBy(ReminderAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.People.SelectMany(p => OwnedByPerson[p]).Concat(OwnedByAccount[account.Id]).Distinct().Select(id => Open[id]);
    }

    /// <summary>When the action falls due: the date people set (through its end), else the due window after it was raised.</summary>
    public DateTimeOffset DueAt(ActionStanding action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Record.DueDate is { } date
            ? new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : action.Chain.First.Time.AddDays(DueDays);
    }

    private static async Task<List<ReminderAccount>> AccountsAsync(TrackerDb db, DateTimeOffset now, string? onlyEmail, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking().Where(a => a.EmailConfirmed && a.Email != null && a.DisabledAt == null && a.DeletedAt == null
            && db.NickClaims.Any(c => c.AccountId == a.Id && c.Status == ClaimStatus.Verified));
        if (onlyEmail is not null)
        {
            var normalized = onlyEmail.Trim().ToUpperInvariant();
            query = query.Where(a => a.NormalizedEmail == normalized);
        }

        var accounts = await query.Select(a => new { a.Id, a.Email, a.DisplayName, a.CreatedAt }).ToListAsync(cancellationToken);

        // The ids as one parameter (EF.Parameter: a JSON array, json_each on SQLite): EF Core 10 otherwise sends one SQL
        // parameter per id, and SQLite binds named parameters by a linear search, so 10,000 accounts took 0.5 s a query.
        var ids = accounts.Select(a => a.Id).ToList();
        var preferences = await db.ReminderPreferences.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.AccountId)).ToDictionaryAsync(p => p.AccountId, cancellationToken);
        var claims = await (from c in db.NickClaims.AsNoTracking()
                            join p in db.People.AsNoTracking() on c.PersonId equals p.Id
                            where EF.Parameter(ids).Contains(c.AccountId) && c.Status == ClaimStatus.Verified
                            orderby c.Id
                            select new { c.AccountId, c.PersonId, p.Name }).ToListAsync(cancellationToken);
        var people = claims.ToLookup(c => c.AccountId);
        var teams = (await db.TeamDigests.AsNoTracking().Where(t => EF.Parameter(ids).Contains(t.AccountId)).ToListAsync(cancellationToken)).ToLookup(t => t.AccountId);
        return [.. accounts.OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase).Select(a => new ReminderAccount(
            a.Id, a.Email!, string.IsNullOrWhiteSpace(a.DisplayName) ? a.Email! : a.DisplayName, a.CreatedAt,
            preferences.GetValueOrDefault(a.Id) ?? ReminderPreferences.Default(a.Id, a.CreatedAt), preferences.ContainsKey(a.Id),
            [.. people[a.Id].Select(p => p.PersonId).Distinct()], [.. teams[a.Id]]) { PersonName = people[a.Id].Select(p => p.Name).FirstOrDefault() })];
    }

    private async Task LoadOwnersAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        // The logs' owners of the latest occurrence of every open chain the site did not give to someone else.
        var fromLogs = Open.Values.Where(s => !s.OwnersReplaced).ToDictionary(s => s.Chain.Latest.ItemId, s => s.Id);
        var itemIds = fromLogs.Keys.ToList();
        var owners = new List<(int PersonId, int ChainId)>();
        foreach (var batch in itemIds.Chunk(2000))
        {
            var rows = await db.ItemOwners.AsNoTracking().Where(o => batch.Contains(o.ItemId)).Select(o => new { o.ItemId, o.PersonId }).ToListAsync(cancellationToken);
            owners.AddRange(rows.Select(r => (r.PersonId, fromLogs[r.ItemId])));
        }

        // Those the site gave it: an account (its verified people too), or a nick (its person).
        var given = Open.Values.Where(s => s.OwnersReplaced).SelectMany(s => s.Record.Owners!.Select(o => (Owner: o, ChainId: s.Id))).ToList();
        var accountIds = given.Select(g => g.Owner.AccountId).OfType<string>().Distinct().ToList();
        var claims = (await db.NickClaims.AsNoTracking().Where(c => accountIds.Contains(c.AccountId) && c.Status == ClaimStatus.Verified)
            .Select(c => new { c.AccountId, c.PersonId }).ToListAsync(cancellationToken)).ToLookup(c => c.AccountId, c => c.PersonId);
        var nickList = given.Select(g => g.Owner.Nick).OfType<string>().Select(n => n.ToLowerInvariant()).Distinct().ToList();
#pragma warning disable CA1862 // EF turns ToLower into SQL's lower()
        var aliases = await db.PersonAliases.AsNoTracking().Where(a => nickList.Contains(a.Nick.ToLower())).Select(a => new { a.Nick, a.PersonId }).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var personOfNick = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in aliases) personOfNick.TryAdd(a.Nick, a.PersonId);
        var byAccount = new List<(string AccountId, int ChainId)>();
        foreach (var (owner, chainId) in given)
        {
            if (owner.AccountId is { } id)
            {
                byAccount.Add((id, chainId));
                owners.AddRange(claims[id].Select(p => (p, chainId)));
            }
            else if (owner.Nick is { } nick && personOfNick.TryGetValue(nick, out var person))
            {
                owners.Add((person, chainId));
            }
        }

        OwnedByPerson = owners.Distinct().ToLookup(o => o.PersonId, o => o.ChainId);
        OwnedByAccount = byAccount.Distinct().ToLookup(o => o.AccountId, o => o.ChainId);
        Owned = owners.Select(o => o.ChainId).Concat(byAccount.Select(o => o.ChainId)).Concat(given.Where(g => g.Owner.Nick is not null).Select(g => g.ChainId)).ToHashSet();
    }
}

/// <summary>The chair rule shared by the site and the reminders: a nick among the chairs of a team's latest meetings.</summary>
public static class TeamChairs
{
    public const int RecentMeetings = 5;
}
