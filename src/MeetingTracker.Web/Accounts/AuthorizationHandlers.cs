using System.Security.Claims;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Web.Components.Pages.Actions;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// The rules of <see cref="Policies.Owner"/> and <see cref="Policies.TeamChair"/>, in one place. Admins pass every
/// requirement; everyone else through the people their verified claims give them.
/// </summary>
/// <remarks>
/// Owner: of an action (an <see cref="ActionStanding"/>, an <see cref="ActionChain"/> or its id), who owns it now by the
/// site's rule (<see cref="AccountabilityWrites.CallerAsync"/>: the logs' owners until someone takes it, a chair
/// reassigns it or its owner releases it); of any other item (an <see cref="Item"/> or its id), the logs' owners.
/// </remarks>
public sealed class AuthorizationHandlers(IDbContextFactory<TrackerDb> dbFactory, ActionStandings standings) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            if (requirement is not (OwnerRequirement or TeamChairRequirement)) continue;
            if (IsAdmin(context.User) || await PassesAsync(requirement, context.User, context.Resource))
            {
                context.Succeed(requirement);
            }
        }
    }

    public static bool IsAdmin(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && user.HasClaim(AccountClaimsFactory.AdminClaim, "true");

    private async Task<bool> PassesAsync(IAuthorizationRequirement requirement, ClaimsPrincipal user, object? resource)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } accountId) return false;
        await using var db = await dbFactory.CreateDbContextAsync();
        var people = await Claims.VerifiedPeopleAsync(db, accountId, CancellationToken.None);
        if (people.Count == 0) return false;
        return requirement is OwnerRequirement ? await OwnsAsync(db, user, people, resource) : await ChairsAsync(db, people, resource);
    }

    private async Task<bool> OwnsAsync(TrackerDb db, ClaimsPrincipal user, List<int> people, object? resource)
    {
        var action = resource switch
        {
            ActionStanding standing => standing,
            ActionChain chain => (await standings.ReadAsync(CancellationToken.None)).Of(chain),
            int id => (await standings.ReadAsync(CancellationToken.None)).Find(id),
            _ => null,
        };
        if (action is not null) return (await AccountabilityWrites.CallerAsync(db, user, action, CancellationToken.None)).Caller.Owner;

        int? itemId = resource switch
        {
            ActionChain chain => chain.Latest.ItemId,
            Item row => row.Id,
            int id => id,
            _ => null,
        };
        return itemId is { } item && await db.ItemOwners.AnyAsync(o => o.ItemId == item && people.Contains(o.PersonId));
    }

    private static async Task<bool> ChairsAsync(TrackerDb db, List<int> people, object? resource)
    {
        int? teamId = resource switch
        {
            int id => id,
            string key => await db.Teams.Where(t => t.Key == key).Select(t => (int?)t.Id).FirstOrDefaultAsync(),
            Team team => team.Id,
            _ => null,
        };
        return teamId is { } found && await ChairsTeamAsync(db, people, found);
    }

    /// <summary>Whether one of <paramref name="people"/> chaired one of the team's last <see cref="TeamChairRequirement.Meetings"/> meetings.</summary>
    public static async Task<bool> ChairsTeamAsync(TrackerDb db, IReadOnlyCollection<int> people, int teamId)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (people.Count == 0) return false;
        var chairs = await db.Meetings.AsNoTracking().Where(m => m.TeamId == teamId).OrderByDescending(m => m.StartedAt)
            .Take(TeamChairRequirement.Meetings).Select(m => m.Chairs).ToListAsync();
        var nicks = await db.PersonAliases.AsNoTracking().Where(a => people.Contains(a.PersonId)).Select(a => a.Nick).ToListAsync();
        var mine = new HashSet<string>(nicks, StringComparer.OrdinalIgnoreCase);
        return chairs.Any(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(mine.Contains));
    }
}
