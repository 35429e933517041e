using System.Collections.Concurrent;
using System.Data.Common;
using Npgsql;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// Typed access to a column's values without reflection per value: <c>GetFieldValue&lt;T&gt;</c> (each provider converts
/// its stored form to the model's type) and Npgsql's typed binary <c>COPY</c> write, as delegates made once per type.
/// </summary>
internal static class Typed
{
    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object?>> Readers = new();
    private static readonly ConcurrentDictionary<Type, Func<NpgsqlBinaryImporter, object?, string, CancellationToken, Task>> Writers = new();

    public static Func<DbDataReader, int, object?> Reader(Type type)
        => Readers.GetOrAdd(type, t => typeof(Of<>).MakeGenericType(t).GetMethod(nameof(Of<int>.Read))!.CreateDelegate<Func<DbDataReader, int, object?>>());

    public static Func<NpgsqlBinaryImporter, object?, string, CancellationToken, Task> CopyWriter(Type type)
        => Writers.GetOrAdd(type, t => typeof(Of<>).MakeGenericType(t).GetMethod(nameof(Of<int>.WriteAsync))!.CreateDelegate<Func<NpgsqlBinaryImporter, object?, string, CancellationToken, Task>>());

    private static class Of<T>
    {
        public static object? Read(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

        public static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, string storeType, CancellationToken cancellationToken)
            => value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync((T)value, storeType, cancellationToken);
    }
}
