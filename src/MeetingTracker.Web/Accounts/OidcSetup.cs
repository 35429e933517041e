using System.Security.Claims;
using MeetingTracker.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MeetingTracker.Web.Accounts;

public static partial class OidcSetup
{
    private static readonly string[] BaseScopes = ["openid", "profile", "email"];
    private static readonly string[] UserInfoClaims = ["email_verified", "nickname", "preferred_username"];

    /// <summary>The authentication scheme, and the login provider name stored with linked accounts.</summary>
    public const string Scheme = "oidc";

    /// <summary>
    /// Sign in with an OpenID Connect provider (<see cref="OidcOptions"/>) as an external login of Identity: the
    /// authorization code flow with PKCE; the provider's claims come from the ID token and its UserInfo endpoint.
    /// Nothing is registered when no Authority is configured.
    /// </summary>
    public static WebApplicationBuilder AddOidc(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(OidcOptions.Section);
        builder.Services.AddOptions<OidcOptions>().Bind(section)
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.ClientId), $"{OidcOptions.Section}:ClientId is required with an Authority.")
            .Validate(o => !o.Enabled || Uri.TryCreate(o.Authority, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.IsLoopback),
                $"{OidcOptions.Section}:Authority must be an https URL (http only on this machine).")
            .ValidateOnStart();
        builder.Services.AddSingleton<OidcNickClaims>();
        builder.Services.AddScoped<ExternalSignIn>();
        var oidc = section.Get<OidcOptions>() ?? new OidcOptions();
        if (oidc.Enabled)
        {
            builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, oidc.DisplayName, o => Configure(o, oidc));
        }

        return builder;
    }

    private static void Configure(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.SaveTokens = false;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.RequireHttpsMetadata = !(Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) && authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback);
        o.Scope.Clear();
        foreach (var scope in BaseScopes.Concat(oidc.Scopes))
        {
            o.Scope.Add(scope);
        }

        // The code comes back in the query of a top-level GET: Lax correlation cookies suffice, and they work over http
        // on a LAN as well as behind an https proxy (form_post would need SameSite=None, which needs https).
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.TokenValidationParameters.NameClaimType = "name";

        // UserInfo answers only become claims through claim actions.
        foreach (var claim in UserInfoClaims)
        {
            if (!string.Equals(claim, oidc.NickClaim, StringComparison.Ordinal))
            {
                o.ClaimActions.MapUniqueJsonKey(claim, claim);
            }
        }

        if (!string.IsNullOrWhiteSpace(oidc.NickClaim))
        {
            o.ClaimActions.MapJsonKey(oidc.NickClaim, oidc.NickClaim); // an array gives one claim per nick
        }

        o.Events.OnTokenValidated = ctx =>
        {
            // Identity finds the external login by this claim type.
            if (ctx.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst(ClaimTypes.NameIdentifier) is null && identity.FindFirst("sub") is { } sub)
            {
                identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, sub.Value, sub.ValueType, sub.Issuer));
            }

            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = ctx =>
        {
            // Cancelled at the provider, a stale correlation cookie …: logged, and back to the login page with a message, not a 500.
            LogRemoteFailure(ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSetup)), ctx.Failure);
            ctx.Response.Redirect(ExternalLoginEndpoints.LoginWithError($"Signing in with {oidc.DisplayName} did not succeed (cancelled or expired); please try again."));
            ctx.HandleResponse();
            return Task.CompletedTask;
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in with the OpenID Connect provider failed")]
    private static partial void LogRemoteFailure(ILogger logger, Exception? failure);
}
