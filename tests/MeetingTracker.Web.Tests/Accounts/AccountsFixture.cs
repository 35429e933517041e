extern alias loggen;

using System.Text.RegularExpressions;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>
/// One host for an account test class, over a small harvested server (nick claims need people). Each test makes its
/// own accounts (unique addresses) and clients (a unique client address, so the rate limit of one test does not
/// reach another).
/// </summary>
public sealed partial class AccountsFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    private int clients;

    public TrackerHost Host { get; } = new(new GeneratorOptions { Teams = 1, Weeks = 2, Seed = 3 });

    public async ValueTask InitializeAsync()
        => await Host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, TestContext.Current.CancellationToken);

    /// <summary>A browser of its own: cookies kept, redirects not followed, requests from a client address of its own.</summary>
    public AccountClient Client(string scheme = "http")
    {
        var http = Host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(scheme + "://localhost/") });
        http.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Interlocked.Increment(ref clients)}");
        return new AccountClient(http);
    }

    public static string NewEmail() => $"u{Guid.NewGuid():N}@example.org";

    /// <summary>A confirmed account, made directly (the journey test makes one through the pages).</summary>
    public async Task<Account> CreateConfirmedAsync(string email)
    {
        using var scope = Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Tester" };
        var result = await users.CreateAsync(account, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return account;
    }

    /// <summary>The link (path and query) of the newest mail of <paramref name="kind"/> to <paramref name="to"/>.</summary>
    public async Task<string> MailLinkAsync(string to, string kind)
    {
        await using var db = Host.Db();
        var message = await db.Outbox.AsNoTracking().Where(m => m.To == to && m.Kind == kind).OrderByDescending(m => m.Id)
            .FirstOrDefaultAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(message);
        var link = new Uri(LinkPattern().Match(message.TextBody).Value);
        Assert.Contains(link.AbsoluteUri, message.HtmlBody.Replace("&amp;", "&", StringComparison.Ordinal), StringComparison.Ordinal);
        return link.PathAndQuery;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
