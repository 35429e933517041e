using System.Security.Claims;
using System.Text.Encodings.Web;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer mt_…</c> on /api: a personal access token of an active account. Revoked, expired,
/// unknown tokens and disabled or deleted accounts fail (401). The principal carries the same claims as the account's
/// cookie (the admin claim included), so every policy asks the same thing of both. Off /api the scheme stays silent:
/// pages keep the cookie's sign-in redirect.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TrackerDb db,
    IUserClaimsPrincipalFactory<Account> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string TokenNameClaim = "mt:token";

    /// <summary>LastUsedAt is written at most this often per token.</summary>
    public static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsApi(Request)) return AuthenticateResult.NoResult();
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header[(SchemeName.Length + 1)..].Trim();
        if (!AccessTokens.LooksLikeToken(token)) return AuthenticateResult.Fail("not a personal access token");

        var hash = AccessTokens.Hash(token);
        var row = await db.AccessTokens.Include(t => t.Account).SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = TimeProvider.GetUtcNow();
        if (row is null) return AuthenticateResult.Fail("unknown token");
        if (!row.IsUsableAt(now)) return AuthenticateResult.Fail("revoked or expired token");
        if (row.Account is not { IsActive: true } account) return AuthenticateResult.Fail("disabled or deleted account");

        if (row.LastUsedAt is not { } used || now - used >= UseRecordedEvery)
        {
            await db.AccessTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var made = await principals.CreateAsync(account);
        var identity = new ClaimsIdentity(made.Claims, SchemeName);
        identity.AddClaim(new Claim(TokenNameClaim, row.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!IsApi(Request)) return Task.CompletedTask;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", SchemeName);
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (IsApi(Request)) Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
