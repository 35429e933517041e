using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Ideas;

/// <summary>What /ideas, the home page and GET /api/ideas read: the idea trails of <see cref="AccountabilityService"/>, newest first.</summary>
public sealed class IdeaQueries(AccountabilityService accountability, IDbContextFactory<TrackerDb> dbFactory)
{
    public const string With = "with";
    public const string Without = "without";

    public static bool IsFollowUpFilter(string? value)
        => string.IsNullOrWhiteSpace(value) || IsWith(value) || string.Equals(value.Trim(), Without, StringComparison.OrdinalIgnoreCase);

    public async Task<IdeaList> ListAsync(IdeaQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await AccountabilityLookups.TeamsAsync(db, cancellationToken);
        IdeaList Empty(string why) => new(new PageOf<IdeaRow>([], page, size, 0), [.. teams.Select(t => t.Link)], accountability.FollowUpDays, why);
        if (!IsFollowUpFilter(query.FollowUp)) return Empty($"Unknown follow-up filter '{query.FollowUp}': use with or without.");

        IEnumerable<IdeaTrail> ideas = (await accountability.SnapshotAsync(cancellationToken)).Ideas;
        if (!string.IsNullOrWhiteSpace(query.Team))
        {
            if (await AccountabilityLookups.FindTeamAsync(db, teams, query.Team.Trim(), cancellationToken) is not { } team) return Empty($"No team is called '{query.Team.Trim()}'.");
            ideas = ideas.Where(i => i.TeamId == team.Id);
        }

        if (!string.IsNullOrWhiteSpace(query.FollowUp))
        {
            var with = IsWith(query.FollowUp);
            ideas = ideas.Where(i => i.FollowedBy.Count > 0 == with);
        }

        var matching = ideas.ToList();
        var shown = matching.Skip((page - 1) * size).Take(size).ToList();
        var personIds = shown.Select(i => i.Idea.PersonId).OfType<int>().Distinct().ToList();
        var names = await db.People.Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var teamOf = teams.ToDictionary(t => t.Id);
        var rows = shown.Select(i => new IdeaRow(
            i.Idea.ItemId,
            i.Idea.Text,
            i.Idea.Nick,
            i.Idea.PersonId is { } id ? names.GetValueOrDefault(id) : null,
            teamOf.GetValueOrDefault(i.TeamId)?.Link ?? new TeamLink("unnamed", "unnamed"),
            i.Idea.MeetingId,
            i.Idea.Number,
            i.Idea.Time,
            [.. i.FollowedBy.Select(f => new FollowUpRow(f.MeetingId, f.Number, KindName(f.Kind), f.Time, f.Text))])).ToList();
        return new IdeaList(new PageOf<IdeaRow>(rows, page, size, matching.Count), [.. teams.Select(t => t.Link)], accountability.FollowUpDays);
    }

    private static bool IsWith(string value) => string.Equals(value.Trim(), With, StringComparison.OrdinalIgnoreCase);

    private static string KindName(Core.Meetbot.ItemKind kind) => kind.ToString().ToLowerInvariant();
}
