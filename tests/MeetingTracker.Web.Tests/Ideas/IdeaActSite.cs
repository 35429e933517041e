extern alias loggen;

using System.Net.Http.Json;
using System.Text.Json;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Web.Tests.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Ideas;

/// <summary>
/// <see cref="AccountsSite"/>'s roles plus two verified accounts: <c>author</c> (claims the person who raised
/// <see cref="AuthorIdea"/>; in these logs its author also chairs the team) and <c>helper</c> (claims someone else, neither author nor chair).
/// Ideas are set apart by test so that one test's changes never meet another's.
/// </summary>
public sealed class IdeaActSite : IAsyncLifetime
{
    // More people and ideas than AccountsSite's own logs: an idea whose author chairs nothing, and #help items.
    public AccountsSite Accounts { get; } = new(new GeneratorOptions { Teams = 2, Weeks = 8, Seed = 3 });

    /// <summary>Raised by <c>author</c>'s person: the state and history tests change it.</summary>
    public int AuthorIdea { get; private set; }

    /// <summary>Not <c>helper</c>'s: the take-on and state-filter tests use it.</summary>
    public int TakeOnIdea { get; private set; }

    /// <summary>Left alone but for the help board's "I'll champion it".</summary>
    public int BoardIdea { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await Accounts.InitializeAsync();
        await using var db = Accounts.Db();
        // The chairs the site counts: those of the team's last few meetings (AuthorizationHandlers.ChairsTeamAsync).
        var chairNicks = (await db.Meetings.Select(m => new { m.TeamId, m.StartedAt, m.Chairs }).ToListAsync(ct))
            .GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.StartedAt).Take(Web.Accounts.TeamChairRequirement.Meetings)
                .SelectMany(m => m.Chairs.Split(' ')).ToHashSet(StringComparer.OrdinalIgnoreCase));
        var aliases = await db.PersonAliases.Select(a => new { a.PersonId, a.Nick }).ToListAsync(ct);
        bool Chairs(int personId, int teamId) => aliases.Any(a => a.PersonId == personId && chairNicks[teamId].Contains(a.Nick));
        var claimed = await db.NickClaims.Select(c => c.PersonId).ToListAsync(ct);
        var ideas = await db.Items.Where(i => i.Kind == ItemKind.Idea && i.RemovedAt == null).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.PersonId, i.Meeting!.TeamId }).ToListAsync(ct);
        // The generator's chairs rotate among the regulars: every idea's author chairs its team too, so a non-chair
        // author is taken when there is one (EventRulesTests cover the author rule on its own).
        // The idea is in the team the chair account chairs.
        var chairTeam = await db.Teams.Where(t => t.Key == Accounts.TeamKey).Select(t => t.Id).SingleAsync(ct);
        var candidates = ideas.Where(i => i.TeamId == chairTeam).ToList();
        var authored = candidates.FirstOrDefault(i => i.PersonId is { } p && !Chairs(p, i.TeamId) && !claimed.Contains(p))
            ?? candidates.FirstOrDefault(i => i.PersonId is { } p && !claimed.Contains(p));
        Assert.True(authored is not null, $"no idea with an unclaimed author among {ideas.Count}");
        AuthorIdea = authored.Id;
        var others = ideas.Where(i => i.Id != AuthorIdea && i.PersonId != authored.PersonId).ToList();
        Assert.True(others.Count >= 2, $"the generated logs have {ideas.Count} ideas: the tests need three");
        (TakeOnIdea, BoardIdea) = (others[0].Id, others[1].Id);
        var authorNick = aliases.First(a => a.PersonId == authored.PersonId).Nick;
        var helper = aliases.First(a => a.PersonId != authored.PersonId && !claimed.Contains(a.PersonId) && !Chairs(a.PersonId, authored.TeamId)
            && ideas.Where(i => i.Id == TakeOnIdea || i.Id == BoardIdea).All(i => i.PersonId != a.PersonId));

        using var scope = Accounts.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        foreach (var (role, personId, nick) in new[] { ("author", authored.PersonId!.Value, authorNick), ("helper", helper.PersonId, helper.Nick) })
        {
            var account = new Account { UserName = AccountsSite.Email(role), Email = AccountsSite.Email(role), EmailConfirmed = true, DisplayName = role };
            Assert.True((await users.CreateAsync(account, AccountsSite.Password)).Succeeded);
            Accounts.AccountIds[role] = account.Id;
            db.NickClaims.Add(new NickClaim { AccountId = account.Id, PersonId = personId, Nick = nick, Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A client signed in as <paramref name="role"/> (any of <see cref="AccountsSite.Roles"/>, author or helper) with the antiforgery header set for the API.</summary>
    public async Task<HttpClient> ApiClientAsync(string role)
    {
        var client = await Accounts.ClientAsync(role);
        if (role != "anonymous") client.DefaultRequestHeaders.Add("RequestVerificationToken", await Accounts.FormTokenAsync(client));
        return client;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, int ideaId, object change)
        => await client.PostAsJsonAsync(new Uri($"/api/ideas/{ideaId}/events", UriKind.Relative), change, TestContext.Current.CancellationToken);

    public static async Task<T> JsonAsync<T>(HttpClient client, string path)
        => await client.GetFromJsonAsync<T>(new Uri(path, UriKind.Relative), JsonSerializerOptions.Web, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("null answer to " + path);

    public async ValueTask DisposeAsync() => await Accounts.DisposeAsync();
}
