using MeetingTracker.Core.Projects;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Projects;

/// <summary>
/// The projects and tickets an action or idea names (<see cref="References"/>: those stored for its items' lines), and
/// where its text names them (<see cref="Spans"/>, for links in the text: a bare <c>bug N</c> resolves to the ticket its
/// meeting gave that number).
/// </summary>
public sealed record ReferencedText(IReadOnlyList<ItemReference> References, IReadOnlyList<ProjectReference> Spans)
{
    public static readonly ReferencedText None = new([], []);
}

/// <summary>Reads <see cref="ReferencedText"/> under the team's reference rules (<see cref="TeamReferences"/>).</summary>
public sealed class ItemReferences(TeamReferences rules)
{
    public async Task<ReferencedText> ReadAsync(
        TrackerDb db, int teamId, string text, IReadOnlyCollection<(int MeetingId, int ItemNumber, int? Line)> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(text);
        if (!rules.Enabled) return ReferencedText.None;
        var references = await ProjectQueries.OfItemsAsync(db, items, cancellationToken);
        var names = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Key)
            .Concat(db.TeamAliases.AsNoTracking().Where(a => a.TeamId == teamId).Select(a => a.Name)).ToListAsync(cancellationToken);
        var spans = rules.For(names).Finder.FindInMeeting([.. references.Select(r => r.Url), text])[^1];
        return new ReferencedText(references, spans);
    }
}
