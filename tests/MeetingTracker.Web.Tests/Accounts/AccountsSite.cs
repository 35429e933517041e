extern alias loggen;

using System.Net;
using System.Text.RegularExpressions;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>
/// A harvested site with one account per role (user, other user, owner of an action, chair of a team, admin), each
/// signed in through the site's own sign-in form.
/// </summary>
public sealed partial class AccountsSite : IAsyncLifetime
{
    public static readonly string[] Roles = ["anonymous", "user", "other", "owner", "chair", "admin"];

    public AccountsSite()
        : this(new GeneratorOptions { Teams = 1, Weeks = 2, Seed = 3 })
    {
    }

    /// <summary>Over other generated logs (a fixture that wraps this one and needs more people or items).</summary>
    internal AccountsSite(GeneratorOptions logs) => Host = new TrackerHost(logs).With("MeetingTracker:Admins:0", "admin@example.org");

    public TrackerHost Host { get; }

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public string TeamKey { get; private set; } = string.Empty;

    public int OwnedItemId { get; private set; }

    /// <summary>A person page no role has claimed (its "This is me" form carries the antiforgery token).</summary>
    public string FreePersonPath { get; private set; } = string.Empty;

    public Dictionary<string, string> AccountIds { get; } = new(StringComparer.Ordinal);

    /// <summary>An action chain of the site (the first the owner owns) and an idea, for the routes that name one.</summary>
    public int ChainId { get; private set; }

    public int IdeaId { get; private set; }

    /// <summary>The person "other" has verified: one of their own, named in no log (owns no action, chairs no meeting).</summary>
    public int FreePersonId { get; private set; }

    public string FreeNick { get; private set; } = string.Empty;

    /// <summary>The person "owner" has verified, and the nick the owned action names.</summary>
    public int OwnerPersonId { get; private set; }

    public string OwnerNick { get; private set; } = string.Empty;

    /// <summary>
    /// The action chains the owner's person owns through the logs (at their latest occurrence), oldest first: each test
    /// class that changes actions has its own site, and uses its own chains.
    /// </summary>
    public async Task<List<int>> OwnedChainsAsync()
    {
        var snapshot = await Site.Services.GetRequiredService<Core.Accountability.AccountabilityService>().SnapshotAsync(TestContext.Current.CancellationToken);
        await using var db = Db();
        var items = (await db.ItemOwners.Where(o => o.PersonId == OwnerPersonId).Select(o => o.ItemId).ToListAsync(TestContext.Current.CancellationToken)).ToHashSet();
        return [.. snapshot.Actions.Where(c => items.Contains(c.Latest.ItemId)).OrderBy(c => c.Id).Select(c => c.Id)];
    }

    /// <summary>A signed-in client's JSON POST with the antiforgery token in its header, as the site's own script would send it.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body, bool signedIn = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (signedIn) request.Headers.Add("RequestVerificationToken", await FormTokenAsync(client));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Site = Host;
        using (Site.CreateClient()) { }
        await using var db = Db();
        for (var i = 0; !await db.Runs.AnyAsync(r => r.Status == HarvestStatus.Succeeded, ct); i++)
        {
            Assert.True(i < 900, "no harvest within 180 s");
            await Task.Delay(200, ct);
        }

        var meeting = await db.Meetings.Include(m => m.Team).OrderByDescending(m => m.StartedAt).FirstAsync(m => m.Chairs != "", ct);
        TeamKey = meeting.Team!.Key;
        var chairNick = meeting.Chairs.Split(' ')[0];
        var chairPerson = await db.PersonAliases.Where(a => a.Nick == chairNick).Select(a => a.PersonId).FirstAsync(ct);
        var chairNicks = (await db.Meetings.Select(m => m.Chairs).ToListAsync(ct)).SelectMany(c => c.Split(' ')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var owners = await db.ItemOwners.Where(o => o.PersonId != chairPerson).ToListAsync(ct);
        var owner = owners.First(o => !chairNicks.Contains(o.Nick));
        OwnedItemId = owner.ItemId;
        var free = await db.People.FirstAsync(p => p.Id != chairPerson && p.Id != owner.PersonId, ct);

        // "other" verifies a person of their own, who chairs and owns nothing (every generated attendee chairs at times).
        var helper = new Person { Name = "matrix-helper" };
        db.People.Add(helper);
        db.PersonAliases.Add(new PersonAlias { Nick = helper.Name, Person = helper });
        await db.SaveChangesAsync(ct);
        FreePersonId = helper.Id;
        FreeNick = helper.Name;
        OwnerPersonId = owner.PersonId;
        OwnerNick = owner.Nick;
        FreePersonPath = "/people/" + Uri.EscapeDataString(free.Name);

        using var scope = Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        foreach (var role in Roles.Skip(1))
        {
            var account = new Account { UserName = Email(role), Email = Email(role), EmailConfirmed = true, DisplayName = role };
            Assert.True((await users.CreateAsync(account, Password)).Succeeded);
            AccountIds[role] = account.Id;
        }

        db.NickClaims.Add(new NickClaim { AccountId = AccountIds["owner"], PersonId = owner.PersonId, Nick = owner.Nick, Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin });
        db.NickClaims.Add(new NickClaim { AccountId = AccountIds["chair"], PersonId = chairPerson, Nick = chairNick, Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin });
        // "other" is a verified user who owns and chairs nothing here (issue 12's "any verified user").
        db.NickClaims.Add(new NickClaim { AccountId = AccountIds["other"], PersonId = FreePersonId, Nick = FreeNick, Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin });
        await db.SaveChangesAsync(ct);
        ChainId = (await OwnedChainsAsync())[0];
        IdeaId = (await Site.Services.GetRequiredService<Core.Accountability.AccountabilityService>().SnapshotAsync(ct)).Ideas[0].Idea.ItemId;
    }

    public TrackerDb Db() => Site.Services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContext();

    public static string Email(string role) => role + "@example.org";

    public const string Password = "matrix-password-1";

    /// <summary>
    /// A client signed in as <paramref name="role"/> through the real sign-in form (none for anonymous), not following
    /// redirects; each client comes from its own address, so the sign-in rate limit never counts one test's for another.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        var client = Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{Interlocked.Increment(ref clients) % 250}");
        if (role == "anonymous") return client;
        // Not disposed: the AccountClient would dispose the signed-in HttpClient the caller is given.
#pragma warning disable CA2000
        using var response = await new AccountClient(client).SignInAsync(Email(role), Password);
#pragma warning restore CA2000
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("login", StringComparison.Ordinal) != true,
            $"sign-in as {role}: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    private int clients;

    /// <summary>The antiforgery token of the signed-in client, from a form of a page.</summary>
    public async Task<string> FormTokenAsync(HttpClient client, string? path = null)
    {
        var html = await client.GetStringAsync(new Uri(path ?? FreePersonPath, UriKind.Relative), TestContext.Current.CancellationToken);
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : throw new InvalidOperationException("no antiforgery token on " + (path ?? FreePersonPath));
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex TokenField();
}
