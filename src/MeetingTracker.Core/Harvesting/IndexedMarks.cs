using System.Data.Common;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// Sets <see cref="Meeting.Indexed"/> for meetings still holding the read that was indexed (same <see cref="Meeting.ReadAt"/>),
/// with one prepared command in the context's transaction: thousands of marks a run, one statement each through EF would
/// cost more than the indexing they follow. Names and conversions come from the EF model, as in <c>LineBulkInsert</c>.
/// </summary>
internal static class IndexedMarks
{
    public static async Task SetAsync(TrackerDb db, IReadOnlyList<WrittenMeeting> meetings, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(Meeting))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var id = entity.FindProperty(nameof(Meeting.Id))!;
        var readAt = entity.FindProperty(nameof(Meeting.ReadAt))!;
        var indexed = entity.FindProperty(nameof(Meeting.Indexed))!;
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {Column(indexed)} = @indexed WHERE {Column(id)} = @id AND {Column(readAt)} = @readAt";
        LineBulkInsert.Parameter(command, "@indexed", indexed).Value = LineBulkInsert.ToProvider(indexed, true);
        var idParameter = LineBulkInsert.Parameter(command, "@id", id);
        var readAtParameter = LineBulkInsert.Parameter(command, "@readAt", readAt);
        await command.PrepareAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            idParameter.Value = meeting.MeetingId;
            readAtParameter.Value = LineBulkInsert.ToProvider(readAt, meeting.ReadAt);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
