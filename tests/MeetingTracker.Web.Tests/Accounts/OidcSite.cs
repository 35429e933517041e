using System.Net;
using System.Security.Claims;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>
/// The site on real Kestrel (127.0.0.1, a port the OS picks) signing in with <see cref="TestOidcProvider"/>, over a
/// temporary data folder with an empty meetbot folder. Two test-only endpoints stand in for pages another change
/// brings: <c>/test/antiforgery</c> (the token the login page's form carries) and <c>/test/whoami</c> (who the
/// session cookie says is signed in).
/// </summary>
public sealed class OidcSite(Uri authority) : WebApplicationFactory<Program>
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mt-oidc-site-" + Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        Directory.CreateDirectory(Path.Combine(Root, "logs"));
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public TrackerDb Db() => Services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MeetingTracker:DataDir", Path.Combine(Root, "data"));
        foreach (var (key, value) in TestDatabase.Settings(Path.Combine(Root, "data"))) builder.UseSetting(key, value);
        builder.UseSetting("MeetingTracker:Sources:0:Name", "empty");
        builder.UseSetting("MeetingTracker:Sources:0:Location", Path.Combine(Root, "logs"));
        builder.UseSetting("MeetingTracker:Sources:0:Schedule", "0 3 * * *");
        builder.UseSetting("MeetingTracker:Authentication:Oidc:Authority", authority.ToString());
        builder.UseSetting("MeetingTracker:Authentication:Oidc:ClientId", TestOidcProvider.ClientId);
        builder.UseSetting("MeetingTracker:Authentication:Oidc:ClientSecret", TestOidcProvider.ClientSecret);
        builder.UseSetting("MeetingTracker:Authentication:Oidc:DisplayName", "Test ID");
        builder.UseSetting("MeetingTracker:Authentication:Oidc:NickClaim", "ircnick");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestEndpoints>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TestDatabase.Drop(Root);
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private sealed class TestEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: it would make the path a PathBase, and the antiforgery cookie's path with it.
            app.Use(async (ctx, nextMiddleware) =>
            {
                if (ctx.Request.Path == "/test/antiforgery")
                {
                    var tokens = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
                    await ctx.Response.WriteAsync(tokens.RequestToken!);
                }
                else if (ctx.Request.Path == "/test/whoami")
                {
                    var session = await ctx.AuthenticateAsync(IdentityConstants.ApplicationScheme);
                    await ctx.Response.WriteAsync(session.Principal?.FindFirstValue(ClaimTypes.Email) ?? "anonymous");
                }
                else
                {
                    await nextMiddleware(ctx);
                }
            });
            next(app);
        };
    }
}
