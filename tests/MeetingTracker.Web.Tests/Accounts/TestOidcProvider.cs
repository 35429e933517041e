using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>The user the provider signs in at <c>/test-login</c> (no password page: the test is the user); one who
/// <see cref="Refuses"/> declines to let the site know who they are.</summary>
public sealed record ProviderUser(string Subject, string Email, bool EmailVerified, string Name, string[] Nicks, bool Refuses = false);

/// <summary>
/// A real OpenID Connect provider (OpenIddict server 7, EF Core stores in a temporary SQLite file) on real Kestrel on
/// 127.0.0.1: the authorization code flow with PKCE, a UserInfo endpoint that releases <c>email</c>,
/// <c>email_verified</c> and an <c>ircnick</c> array, as Fedora's releases its custom fields.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "meetingtracker";
    public const string ClientSecret = "test-secret";

    private readonly WebApplication app;
    private readonly string dbFile = Path.Combine(Path.GetTempPath(), "mt-oidc-" + Guid.NewGuid().ToString("N") + ".db");

    private TestOidcProvider()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var services = builder.Services;
        services.AddDbContext<ProviderDb>(o => o.UseSqlite($"Data Source={dbFile}").UseOpenIddict());
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => (o.Cookie.Name, o.LoginPath) = ("provider.session", "/test-login"));
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableUserInfoEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/test-login", (Delegate)LoginAsync);
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)AuthorizeAsync);
        app.MapMethods("/connect/userinfo", ["GET", "POST"], (Delegate)UserInfoAsync);
    }

    public Uri Authority { get; private set; } = null!;

    /// <summary>Who signs in next.</summary>
    public ProviderUser User { get; set; } = new("ada-sub", "ada@example.org", true, "Ada Lovelace", ["adalove", "charles_"]);

    public static async Task<TestOidcProvider> StartAsync(CancellationToken cancellationToken)
    {
        var provider = new TestOidcProvider();
        await using (var scope = provider.app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync(cancellationToken);
        }

        await provider.app.StartAsync(cancellationToken);
        provider.Authority = new Uri(provider.app.Urls.First().TrimEnd('/') + "/");
        return provider;
    }

    /// <summary>Registers the site as a confidential client that may come back to <paramref name="site"/>'s callback.</summary>
    public async Task RegisterClientAsync(Uri site, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(
            new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                RedirectUris = { new Uri(site, "signin-oidc") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            },
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(dbFile);
    }

    private async Task<IResult> LoginAsync(HttpContext http, string returnUrl)
    {
        var identity = new ClaimsIdentity([new Claim(Claims.Subject, User.Subject)], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl);
    }

    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString }, [CookieAuthenticationDefaults.AuthenticationScheme]);
        }

        if (User.Refuses)
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity("provider", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, User.Subject).SetClaim(Claims.Name, User.Name);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(c => c.Type == Claims.Name ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var token = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (token.Principal?.GetClaim(Claims.Subject) != User.Subject)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        return Results.Json(new Dictionary<string, object>
        {
            [Claims.Subject] = User.Subject,
            [Claims.Name] = User.Name,
            [Claims.Email] = User.Email,
            [Claims.EmailVerified] = User.EmailVerified,
            ["ircnick"] = User.Nicks,
        });
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
