using System.Net;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Web.Accounts;
using MeetingTracker.Web.Tests.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Actions;

/// <summary>The Owner policy asks who owns an action now (the site's rule), not only who the logs named.</summary>
public sealed class OwnerPolicyTests(AccountsSite site) : IClassFixture<AccountsSite>
{
    [Fact]
    public async Task An_action_released_then_taken_belongs_to_whoever_took_it()
    {
        var chain = (await site.OwnedChainsAsync())[0];
        Assert.Equal(["owner"], await OwnersAsync(chain));

        using (var owner = await site.ClientAsync("owner"))
        using (var released = await site.PostJsonAsync(owner, $"/api/actions/{chain}/events", new { state = "no-time" }))
        {
            Assert.Equal(HttpStatusCode.Created, released.StatusCode);
        }

        Assert.Empty(await OwnersAsync(chain));
        using (var other = await site.ClientAsync("other"))
        using (var taken = await site.PostJsonAsync(other, $"/api/actions/{chain}/events", new { take = true }))
        {
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        }

        Assert.Equal(["other"], await OwnersAsync(chain));
    }

    /// <summary>The roles (admins aside: they pass every rule) the Owner policy lets through for the chain.</summary>
    private async Task<List<string>> OwnersAsync(int chain)
    {
        var auth = site.Site.Services.GetRequiredService<IAuthorizationService>();
        var owners = new List<string>();
        foreach (var role in AccountsSite.Roles.Skip(1).Where(r => r != "admin"))
        {
            using var scope = site.Site.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<SignInManager<Account>>();
            var principal = await users.CreateUserPrincipalAsync((await users.UserManager.FindByEmailAsync(AccountsSite.Email(role)))!);
            if ((await auth.AuthorizeAsync(principal, chain, Policies.Owner)).Succeeded) owners.Add(role);
        }

        return owners;
    }
}
