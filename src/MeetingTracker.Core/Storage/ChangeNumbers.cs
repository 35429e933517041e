using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// Gives the meetings a transaction wrote their change number (ADR 19), as its last statements before the commit: the
/// counter row is incremented (which locks it until the commit, on every provider) and the number is set on the
/// meetings. Numbers are therefore taken in commit order: once a reader sees number N committed, every write it has not
/// seen yet will commit with a higher one, so "everything above the number I reached" never skips a write that was
/// still in flight. A rolled-back write gives its number back with its increment. Names come from the EF model.
/// </summary>
public static class ChangeNumbers
{
    /// <summary>Sets a new change number on <paramref name="meetingIds"/> inside <paramref name="db"/>'s transaction; returns it.</summary>
    public static async Task<long> StampAsync(TrackerDb db, IReadOnlyCollection<int> meetingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meetingIds);
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("change numbers are taken inside the write's transaction");
        var sql = db.GetService<ISqlGenerationHelper>();
        var counter = db.Model.FindEntityType(typeof(ChangeCounter))!;
        var counterTable = StoreObjectIdentifier.Table(counter.GetTableName()!, counter.GetSchema());
        var value = sql.DelimitIdentifier(counter.FindProperty(nameof(ChangeCounter.Value))!.GetColumnName(counterTable)!);
        var counterId = sql.DelimitIdentifier(counter.FindProperty(nameof(ChangeCounter.Id))!.GetColumnName(counterTable)!);

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction.GetDbTransaction();
        command.CommandText = $"UPDATE {sql.DelimitIdentifier(counterTable.Name, counterTable.Schema)} SET {value} = {value} + 1 WHERE {counterId} = {ChangeCounter.TheRow} RETURNING {value}";
        var change = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("the change counter row is missing"), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var chunk in meetingIds.Distinct().Chunk(500))
        {
            await db.Meetings.Where(m => chunk.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Change, change), cancellationToken);
        }

        return change;
    }

    /// <summary>The highest change number committed (0 with no meetings): one look-up in the index on the column.</summary>
    public static async Task<long> LastAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Meetings.MaxAsync(m => (long?)m.Change, cancellationToken) ?? 0;
    }
}
