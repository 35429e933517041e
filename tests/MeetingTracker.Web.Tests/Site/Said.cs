using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Site;

/// <summary>
/// What people say, written straight into the test site's database as the API would store it (accounts and
/// accountability events), so the next request of a page or feed must see it.
/// </summary>
public static class Said
{
    /// <summary>An account shown as <paramref name="name"/>; its id is returned.</summary>
    public static async Task<string> AccountAsync(TrackerHost host, string name)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var db = host.Db();
        var email = $"{name}-{Guid.NewGuid():N}@example.org";
        var account = new Account { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, DisplayName = name, SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(account);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return account.Id;
    }

    /// <summary>Stores <paramref name="e"/> (its time now when unset) and returns it with its id.</summary>
    public static async Task<AccountabilityEvent> EventAsync(TrackerHost host, AccountabilityEvent e)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(e);
        if (e.At == default) e.At = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = host.Db();
        db.AccountabilityEvents.Add(e);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return e;
    }

    public static Task<AccountabilityEvent> ActionAsync(TrackerHost host, int chainId, string accountId, EventKind kind, string? to = null, string? note = null, string? link = null, DateTimeOffset at = default)
        => EventAsync(host, new AccountabilityEvent { Subject = EventSubject.Action, SubjectId = chainId, AccountId = accountId, Kind = kind, To = to, Note = note, Link = link, At = at });

    public static Task<AccountabilityEvent> IdeaAsync(TrackerHost host, int ideaId, string accountId, EventKind kind, string? to = null, string? note = null, string? nick = null)
        => EventAsync(host, new AccountabilityEvent { Subject = EventSubject.Idea, SubjectId = ideaId, AccountId = accountId, Kind = kind, To = to, Note = note, Nick = nick });

    public static Task<AccountabilitySnapshot> SnapshotAsync(TrackerHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<AccountabilityService>().SnapshotAsync(TestContext.Current.CancellationToken);
    }
}
