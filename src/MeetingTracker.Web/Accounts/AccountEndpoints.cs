using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// The POSTs of the account page's claims and tokens forms (<c>AccountClaims</c>, <c>AccountTokens</c>): signed-in
/// users only, antiforgery token required, each answers with a redirect back to the page (POST, redirect, GET).
/// A new token travels to the page once, in a short-lived protected cookie the page deletes as it shows it.
/// </summary>
public static class AccountEndpoints
{
    public const string AccountPage = "/account";
    public const string ClaimsPath = "/account/claims";
    public const string TokensPath = "/account/tokens";
    public const string RevokePath = "/account/tokens/revoke";
    public const string NewTokenCookie = "mt.newtoken";
    public const string NewTokenPurpose = "MeetingTracker.NewToken";
    public const string ClaimsMessage = "claimsMessage";
    public const string TokensMessage = "tokensMessage";

    public static void MapAccountForms(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var forms = app.MapGroup(string.Empty).RequireAuthorization(Policies.User).RequireFormToken().ExcludeFromDescription();
        forms.MapPost(ClaimsPath, ClaimAsync);
        forms.MapPost(TokensPath, CreateTokenAsync);
        forms.MapPost(RevokePath, RevokeTokenAsync);
    }

    private static async Task<RedirectHttpResult> ClaimAsync(
        [FromForm] string? nick, [FromForm] string? returnUrl, ClaimsPrincipal user, TrackerDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var back = returnUrl ?? AccountPage + "#claims";
        if (string.IsNullOrWhiteSpace(nick)) return FormPosts.Back(back, AccountPage, ClaimsMessage, "Give a nick to claim.");
        try
        {
            var claim = await Claims.ClaimAsync(db, FormPosts.AccountId(user), nick, clock.GetUtcNow(), cancellationToken);
            var said = claim.Status == ClaimStatus.Verified ? $"'{claim.Nick}' is verified as yours." : $"'{claim.Nick}' is claimed: it waits for verification.";
            return FormPosts.Back(back, AccountPage, ClaimsMessage, said);
        }
        catch (InvalidOperationException e)
        {
            return FormPosts.Back(back, AccountPage, ClaimsMessage, e.Message);
        }
    }

    private static async Task<RedirectHttpResult> CreateTokenAsync(
        [FromForm] string? name, [FromForm] int? expiresDays, ClaimsPrincipal user, TrackerDb db, TimeProvider clock,
        IDataProtectionProvider protection, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            var (row, token) = await AccessTokens.CreateAsync(db, FormPosts.AccountId(user), name ?? string.Empty, expiresDays, clock.GetUtcNow(), cancellationToken);
            context.Response.Cookies.Append(NewTokenCookie, protection.CreateProtector(NewTokenPurpose).Protect(row.Name + "\n" + token), new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = AccountPage,
                MaxAge = TimeSpan.FromMinutes(5),
            });
            return FormPosts.Back(null, AccountPage + "#tokens");
        }
        catch (InvalidOperationException e)
        {
            return FormPosts.Back(null, AccountPage + "#tokens", TokensMessage, e.Message);
        }
    }

    private static async Task<RedirectHttpResult> RevokeTokenAsync(
        [FromForm] string? name, ClaimsPrincipal user, TrackerDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var revoked = name is not null && await AccessTokens.RevokeAsync(db, FormPosts.AccountId(user), name, clock.GetUtcNow(), cancellationToken);
        return FormPosts.Back(null, AccountPage + "#tokens", TokensMessage, revoked ? $"Token '{name}' revoked." : "No such token to revoke.");
    }
}
