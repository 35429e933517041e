using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// Sign in with the OpenID Connect provider: <c>POST /account/external</c> (the <see cref="ExternalLoginButton"/>'s
/// form, antiforgery-checked) sends the browser to the provider; it comes back through the handler's
/// <c>/signin-oidc</c> to <c>/account/external/callback</c>, which signs the account in (<see cref="ExternalSignIn"/>).
/// </summary>
public static class ExternalLoginEndpoints
{
    public const string StartPath = "/account/external";
    public const string CallbackPath = "/account/external/callback";

    public static WebApplication MapExternalLogin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(StartPath, Start);
        app.MapGet(CallbackPath, CallbackAsync);
        return app;
    }

    /// <summary>The login page with a message for the user.</summary>
    public static string LoginWithError(string message) => $"{AccountsSetup.LoginPath}?error={Uri.EscapeDataString(message)}";

    /// <summary>A path on this site (<c>/…</c>, not <c>//host</c> nor <c>/\host</c>); anything else is the home page.</summary>
    public static string LocalPath(string? returnUrl)
        => returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url : "/";

    private static IResult Start([FromForm] string? returnUrl, IOptions<OidcOptions> options, SignInManager<Account> signIn)
    {
        if (!options.Value.Enabled)
        {
            return TypedResults.NotFound();
        }

        var redirect = $"{CallbackPath}?returnUrl={Uri.EscapeDataString(LocalPath(returnUrl))}";
        var properties = signIn.ConfigureExternalAuthenticationProperties(OidcSetup.Scheme, redirect);
        return TypedResults.Challenge(properties, [OidcSetup.Scheme]);
    }

    private static async Task<IResult> CallbackAsync(string? returnUrl, ExternalSignIn externalSignIn, HttpContext context)
    {
        var error = await externalSignIn.SignInAsync(context.RequestAborted);
        return TypedResults.LocalRedirect(error is null ? LocalPath(returnUrl) : LoginWithError(error));
    }
}
