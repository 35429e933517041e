using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Meetings;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>The provider and the site, started once for the class, with two people of the logs: adalove and charles.</summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public TestOidcProvider Provider { get; private set; } = null!;

    public OidcSite Site { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Provider = await TestOidcProvider.StartAsync(ct);
        Site = new OidcSite(Provider.Authority);
        Site.Start();
        await Provider.RegisterClientAsync(Site.BaseAddress, ct);
        await using var db = Site.Db();
        foreach (var nick in new[] { "adalove", "charles" })
        {
            var person = new Person { Name = nick };
            person.Aliases.Add(new PersonAlias { Nick = nick });
            db.People.Add(person);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates an account as registration would, with a password.</summary>
    public async Task<Account> CreateAccountAsync(string email, bool confirmed, DateTimeOffset? disabledAt = null)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = email, DisabledAt = disabledAt };
        var created = await users.CreateAsync(account, "correct horse battery");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return account;
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
