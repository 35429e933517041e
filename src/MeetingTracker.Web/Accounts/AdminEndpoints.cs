using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MeetingTracker.Web.Accounts;

/// <summary>The POSTs of the /admin page: decide claims, disable or enable accounts, edit team and person aliases.</summary>
public static class AdminEndpoints
{
    public const string AdminPage = "/admin";
    public const string Message = "message";

    public static void MapAdminForms(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var forms = app.MapGroup(AdminPage).RequireAuthorization(Policies.Admin).RequireFormToken().ExcludeFromDescription();
        forms.MapPost("/claims/approve", ([FromForm] int id, ClaimsPrincipal user, TrackerDb db, TimeProvider clock, CancellationToken ct)
            => DecideAsync(() => Claims.ApproveAsync(db, id, FormPosts.AccountId(user), clock.GetUtcNow(), ct), "approved"));
        forms.MapPost("/claims/refuse", ([FromForm] int id, ClaimsPrincipal user, TrackerDb db, TimeProvider clock, CancellationToken ct)
            => DecideAsync(() => Claims.RefuseAsync(db, id, FormPosts.AccountId(user), clock.GetUtcNow(), ct), "refused"));
        forms.MapPost("/accounts/disable", ([FromForm] string id, UserManager<Account> users, TimeProvider clock)
            => AccountAsync(users, id, a => AccountStates.DisableAsync(users, a, clock.GetUtcNow()), "disabled"));
        forms.MapPost("/accounts/enable", ([FromForm] string id, UserManager<Account> users)
            => AccountAsync(users, id, a => AccountStates.EnableAsync(users, a), "enabled"));
        forms.MapPost("/aliases/team", async ([FromForm] string name, [FromForm] string team, AliasEditor aliases, IEnumerable<IMeetingsChangedHandler> handlers, Caching.PageCacheEviction pages, CancellationToken ct) =>
        {
            var moved = await aliases.MoveTeamAliasAsync(name, team, ct);
            await ChangedAsync(handlers, pages, ct);
            return Back($"Team alias '{TeamNames.Normalize(name)}' now belongs to '{TeamNames.Normalize(team)}': {moved} meetings moved.");
        });
        forms.MapPost("/aliases/person", async ([FromForm] string nick, [FromForm] string person, AliasEditor aliases, IEnumerable<IMeetingsChangedHandler> handlers, Caching.PageCacheEviction pages, CancellationToken ct) =>
        {
            try
            {
                var moved = await aliases.MovePersonAliasAsync(nick, person, ct);
                await ChangedAsync(handlers, pages, ct);
                return Back($"Nick '{nick}' now belongs to the person of '{person}': {moved} rows moved.");
            }
            catch (InvalidOperationException e)
            {
                return Back(e.Message);
            }
        });
    }

    private static async Task<RedirectHttpResult> DecideAsync(Func<Task<NickClaim>> decide, string verb)
    {
        try
        {
            var claim = await decide();
            return Back($"Claim of '{claim.Nick}' {verb}.");
        }
        catch (InvalidOperationException e)
        {
            return Back(e.Message);
        }
    }

    private static async Task<RedirectHttpResult> AccountAsync(UserManager<Account> users, string id, Func<Account, Task> change, string verb)
    {
        if (await users.FindByIdAsync(id) is not { DeletedAt: null } account) return Back("No such account.");
        try
        {
            await change(account);
            return Back($"Account {account.Email} {verb}.");
        }
        catch (InvalidOperationException e)
        {
            return Back(e.Message);
        }
    }

    // Moved meetings: the search index, the caches and pending claims catch up, as after the CLI's alias command; a
    // nick or team name moved shows on pages the data stamp cannot point at (an alias edit reads no meeting): every page goes.
    private static async Task ChangedAsync(IEnumerable<IMeetingsChangedHandler> handlers, Caching.PageCacheEviction pages, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
        {
            await handler.MeetingsChangedAsync(cancellationToken);
        }

        await pages.EvictAllAsync(cancellationToken);
    }

    private static RedirectHttpResult Back(string message) => FormPosts.Back(null, AdminPage, Message, message);
}
