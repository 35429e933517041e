using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// PostgreSQL advisory locks of the tracker (ADR 19): a key is a stable 64-bit hash of what it guards, apart from other
/// users of the database; a session lock is held on a connection of its own, not pooled, so that closing it (or the
/// process dying) ends the session and the lock with it.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>The key of <paramref name="purpose"/> (<c>migrate</c>, <c>write</c>, <c>harvest:NAME</c>).</summary>
    public static long Key(string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("meetingtracker:" + purpose));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    /// <summary>An open, unpooled connection to <paramref name="connectionString"/>'s database, for a session lock.</summary>
    public static NpgsqlConnection Session(string connectionString)
        => new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
}
