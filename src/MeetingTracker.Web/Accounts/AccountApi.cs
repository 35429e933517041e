using System.Security.Claims;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// /api/account: who the caller is (session cookie or personal access token) with their claims, and claiming a
/// person by nick. Both need a signed-in caller (401 otherwise).
/// </summary>
public static class AccountApi
{
    public sealed record ClaimRequest(string Nick);

    public sealed record ClaimResponse(int Id, string Nick, string Person, string Status, string? VerifiedBy, string? Note);

    public sealed record AccountResponse(string? Email, string Name, bool Admin, IReadOnlyList<ClaimResponse> Claims);

    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/account", GetAsync).WithName("GetAccount").RequireAuthorization(Policies.User)
            .WithSummary("The calling account (session cookie or personal access token) with its nick claims.");
        api.MapPost("/account/claims", ClaimAsync).WithName("ClaimNick").RequireAuthorization(Policies.User)
            .WithSummary("Claims the person who uses a nick; verified at once when a harvested log ties the nick to the account's confirmed address, else waiting.");
        return api;
    }

    private static async Task<Results<Ok<AccountResponse>, UnauthorizedHttpResult>> GetAsync(ClaimsPrincipal user, TrackerDb db, CancellationToken cancellationToken)
    {
        var id = FormPosts.AccountId(user);
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } account) return TypedResults.Unauthorized();
        var claims = await ListAsync(db, id, cancellationToken);
        return TypedResults.Ok(new AccountResponse(account.Email, account.ShownName, AuthorizationHandlers.IsAdmin(user), claims));
    }

    private static async Task<Results<Ok<ClaimResponse>, ValidationProblem>> ClaimAsync(
        ClaimRequest request, ClaimsPrincipal user, TrackerDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            var claim = await Claims.ClaimAsync(db, FormPosts.AccountId(user), request.Nick ?? string.Empty, clock.GetUtcNow(), cancellationToken);
            var all = await ListAsync(db, claim.AccountId, cancellationToken);
            return TypedResults.Ok(all.Single(c => c.Id == claim.Id));
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["nick"] = [e.Message] });
        }
    }

    /// <summary>The account's claims, newest first, with the person's shown name.</summary>
    public static Task<List<ClaimResponse>> ListAsync(TrackerDb db, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from c in db.NickClaims.AsNoTracking()
                join p in db.People on c.PersonId equals p.Id
                where c.AccountId == accountId
                orderby c.Id descending
                select new ClaimResponse(c.Id, c.Nick, p.Name, c.Status.ToString(), c.VerifiedBy == null ? null : c.VerifiedBy.ToString(), c.Note))
            .ToListAsync(cancellationToken);
    }
}
