namespace MeetingTracker.Core.Storage;

/// <summary>
/// The prepared inserts of one transaction (<see cref="RowInsert{T}"/>), each prepared at its first row and reused for
/// the rest: the harvest's writer stores a batch of new meetings through these instead of the change tracker.
/// </summary>
internal sealed class RowInserts(TrackerDb db) : IAsyncDisposable
{
    private readonly Dictionary<(Type, bool), IAsyncDisposable> prepared = [];

    /// <summary>Inserts <paramref name="row"/>; with <paramref name="readKey"/>, sets its generated key as SaveChanges would.</summary>
    public async Task InsertAsync<T>(T row, bool readKey, CancellationToken cancellationToken)
        where T : class
    {
        if (!prepared.TryGetValue((typeof(T), readKey), out var insert))
        {
            insert = await RowInsert<T>.PrepareAsync(db, readKey, cancellationToken);
            prepared.Add((typeof(T), readKey), insert);
        }

        await ((RowInsert<T>)insert).InsertAsync(row, cancellationToken);
    }

    /// <summary>Inserts every row of <paramref name="rows"/>, keys not read back.</summary>
    public async Task InsertAllAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows) await InsertAsync(row, readKey: false, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in prepared.Values) await insert.DisposeAsync();
        prepared.Clear();
    }
}
