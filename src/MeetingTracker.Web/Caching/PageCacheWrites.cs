using System.Data.Common;
using System.Runtime.CompilerServices;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingTracker.Web.Caching;

/// <summary>
/// Tells the page cache about this process's writes that anonymous pages show, once they are committed and before the
/// code that made them goes on (so the answer to a form, and the page its redirect asks for, see the change): an event
/// (the eviction looks at the ledger and evicts that subject's pages), a claim decided or an account's shown name changed
/// (names and owners on many pages: everything). An EF Core interceptor, so no write path can forget it; a write inside
/// a transaction is told at its commit, and forgotten at its rollback.
/// </summary>
public sealed class PageCacheWrites(IServiceProvider services) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    // Resolved late: the eviction needs the database factory, which is built with this interceptor.
    private PageCacheEviction Eviction => services.GetRequiredService<PageCacheEviction>();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Note(eventData.Context);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null) await ApplyAsync(context, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null) ApplyAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData?.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context) await ApplyAsync(context, cancellationToken);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context) ApplyAsync(context, CancellationToken.None).GetAwaiter().GetResult();
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData?.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        Pending? found = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var kind = Kind(entry);
            if (kind == Change.None) continue;
            found ??= pending.GetValue(context, _ => new Pending());
            found.Changes |= kind;
        }
    }

    private static Change Kind(EntityEntry entry) => entry.Entity switch
    {
        AccountabilityEvent when entry.State == EntityState.Added => Change.Events,
        NickClaim when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted => Change.Everything,
        Account when entry.State == EntityState.Modified
            && (entry.Property(nameof(Account.DisplayName)).IsModified || entry.Property(nameof(Account.DeletedAt)).IsModified) => Change.Everything,
        _ => Change.None,
    };

    private async Task ApplyAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!pending.TryGetValue(context, out var found)) return;
        pending.Remove(context);
        if (found.Changes.HasFlag(Change.Everything)) await Eviction.EvictAllAsync(cancellationToken);
        else await Eviction.CatchUpAsync(cancellationToken);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) pending.Remove(context);
    }

    [Flags]
    private enum Change
    {
        None = 0,
        Events = 1,
        Everything = 2,
    }

    private sealed class Pending
    {
        public Change Changes { get; set; }
    }
}
