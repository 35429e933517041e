using System.Text.RegularExpressions;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Web.Components.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingTracker.E2E;

/// <summary>
/// Issue 12 in a browser with JavaScript off: a user claims the nick an action names and says they need help with
/// it; the action is on /help; a second verified user takes it and closes it with a link; the history tells all of
/// it; the pages pass axe-core.
/// </summary>
public sealed class ActionJourneyTests(SiteServer server, Chromium chromium)
{
    private const string Admin = "admin-actions@example.org";

    [Fact]
    public async Task Need_help_then_taken_and_done_by_another_with_every_step_in_the_history()
    {
        var (chain, ownerPerson, helperPerson) = await PickAsync();
        var admin = await NewPageAsync();
        await admin.JoinAsync(server, Admin, "Actions Admin");

        var owner = await NewPageAsync();
        await owner.JoinAsync(server, "action-owner@example.org", "Action Owner");
        var ownerNick = await ClaimApprovedAsync(owner, admin, ownerPerson, "action-owner@example.org");

        // The owner says what they need help with.
        await owner.GoAsync(Links.Action(chain));
        var act = owner.Locator("#act");
        await act.GetByLabel("State").SelectOptionAsync("need-help");
        await act.GetByLabel(new Regex(@"^Note \(with what")).FillAsync("I need someone who knows the mirror config");
        await act.GetByRole(AriaRole.Button, new() { Name = "Save state" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex($"/actions/{chain}\\?message=.*#history$"));
        await Expect(owner.Locator("main [role=status]")).ToHaveTextAsync("Now need help.");
        await Expect(owner.Locator(".facts .state").First).ToHaveTextAsync("need help");
        await owner.ScreenshotAsync("11-action-need-help");

        // It is on the help board.
        await owner.GoAsync(Links.Help);
        var entry = owner.Locator("main").GetByRole(AriaRole.Link, new() { Name = await TextOfAsync(chain) }).First;
        await Expect(entry).ToBeVisibleAsync();
        await owner.ScreenshotAsync("12-help");

        // A second user, verified, takes it from the board and closes it with a link to the result.
        var helper = await NewPageAsync();
        await helper.JoinAsync(server, "action-helper@example.org", "Action Helper");
        var helperNick = await ClaimApprovedAsync(helper, admin, helperPerson, "action-helper@example.org");
        await helper.GoAsync(Links.Help);
        await helper.Locator("main").GetByRole(AriaRole.Link, new() { Name = await TextOfAsync(chain) }).First.ClickAsync();
        await helper.WaitForURLAsync(new Regex($"/actions/{chain}$"));
        await helper.GetByRole(AriaRole.Button, new() { Name = "Take it: I'll do it" }).ClickAsync();
        await Expect(helper.Locator("main [role=status]")).ToHaveTextAsync("It is yours now.");
        await Expect(helper.Locator(".facts").GetByRole(AriaRole.Link, new() { Name = helperNick })).ToBeVisibleAsync();
        var form = helper.Locator("#act");
        await form.GetByLabel("State").SelectOptionAsync("done");
        await form.GetByLabel(new Regex("^Link to the result")).FillAsync("https://example.org/mirrors/pull/42");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save state" }).ClickAsync();
        await Expect(helper.Locator("main [role=status]")).ToHaveTextAsync("Now done.");

        // The history tells it all, oldest first; the owner is an earlier owner now.
        var history = helper.Locator("#history ol.history > li");
        await Expect(history).ToHaveCountAsync(3);
        await Expect(history.Nth(0)).ToContainTextAsync("Action Owner set it need help");
        await Expect(history.Nth(0)).ToContainTextAsync("I need someone who knows the mirror config");
        await Expect(history.Nth(1)).ToContainTextAsync("Action Helper took it over");
        await Expect(history.Nth(2)).ToContainTextAsync("Action Helper set it done");
        await Expect(history.Nth(2).GetByRole(AriaRole.Link, new() { Name = "https://example.org/mirrors/pull/42" })).ToBeVisibleAsync();
        await Expect(helper.Locator(".facts dd").Filter(new() { HasText = ownerNick })).ToBeVisibleAsync();
        await helper.ScreenshotAsync("13-action-done");

        // The owner cannot answer for it any more: it is not theirs.
        await owner.GoAsync(Links.Action(chain));
        await Expect(owner.Locator("#act").GetByRole(AriaRole.Button, new() { Name = "Save state" })).ToHaveCountAsync(0);

        var axe = await chromium.NewPageAsync(server.BaseAddress, storageState: await helper.Context.StorageStateAsync());
        await axe.GoAsync(Links.Action(chain));
        await axe.AssertAccessibleAsync("action page, signed in");
        await axe.GoAsync(Links.Help);
        await axe.AssertAccessibleAsync("help board");
        var anonymous = await chromium.NewPageAsync(server.BaseAddress);
        await anonymous.GoAsync(Links.Action(chain));
        await anonymous.AssertAccessibleAsync("action page, anonymous");
    }

    private Task<IPage> NewPageAsync() => chromium.NewPageAsync(server.BaseAddress, javaScript: false);

    /// <summary>"This is me" on the person's page, then the admin approves it; returns the nick claimed.</summary>
    private static async Task<string> ClaimApprovedAsync(IPage user, IPage admin, string person, string email)
    {
        await user.GoAsync(Links.Person(person));
        var nick = await user.Locator("form.claim-form input[name=nick]").GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(nick));
        await user.GetByRole(AriaRole.Button, new() { Name = "This is me" }).ClickAsync();
        await admin.GoAsync("admin");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Approve {email}'s claim of {nick}", Exact = true }).ClickAsync();
        await Expect(admin.Locator("main [role=status]")).ToHaveTextAsync($"Claim of '{nick}' approved.");
        return nick!;
    }

    /// <summary>
    /// An open action nobody has said anything about, whose owner (through the logs) nobody claimed, is no bot and
    /// chairs none of its team's recent meetings (a chair may answer for any action), and another such person.
    /// </summary>
    private async Task<(int Chain, string Owner, string Helper)> PickAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var snapshot = await server.Services.GetRequiredService<AccountabilityService>().SnapshotAsync(ct);
        var ledger = await server.Services.GetRequiredService<EventLedger>().ReadAsync(ct);
        await using var db = server.Db();
        var claimed = await db.NickClaims.Where(c => c.Status != ClaimStatus.Refused).Select(c => c.PersonId).ToListAsync(ct);
        var bots = await db.SourceBots.Select(b => b.Nick.ToLower()).ToListAsync(ct);
        var owners = await db.ItemOwners.Select(o => new { o.ItemId, o.PersonId, o.Person!.Name }).ToListAsync(ct);
        // The chair rule's window: who chaired one of each team's last five meetings.
        var recent = (await db.Meetings.Select(m => new { m.TeamId, m.StartedAt, m.Chairs }).ToListAsync(ct))
            .GroupBy(m => m.TeamId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.StartedAt).Take(Web.Accounts.TeamChairRequirement.Meetings)
                .SelectMany(m => m.Chairs.Split(' ')).Select(n => n.ToLowerInvariant()).ToHashSet());
        var aliases = (await db.PersonAliases.Select(a => new { a.PersonId, a.Nick }).ToListAsync(ct)).ToLookup(a => a.PersonId, a => a.Nick.ToLowerInvariant());
        bool Free(int person) => !claimed.Contains(person) && !aliases[person].Any(n => bots.Contains(n) || n == "emre");

        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var chain in snapshot.Actions.Where(c => ledger.Action(c.Id).Events.Count == 0 && !c.InferState(now, 14).IsClosed()))
        {
            var named = owners.Where(o => o.ItemId == chain.Latest.ItemId).ToList();
            var chairs = recent[chain.TeamId];
            if (named is not [var owner] || !Free(owner.PersonId) || aliases[owner.PersonId].Any(chairs.Contains)) continue;
            var helper = await db.People.Where(p => p.Id != owner.PersonId && p.Aliases.Count > 0).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
            var other = helper.FirstOrDefault(p => Free(p.Id) && !aliases[p.Id].Any(chairs.Contains));
            if (other is not null) return (chain.Id, owner.Name, other.Name);
        }

        throw new InvalidOperationException("no open action with one unclaimed owner in the sample logs");
    }

    private async Task<string> TextOfAsync(int chain)
        => (await server.Services.GetRequiredService<AccountabilityService>().SnapshotAsync(TestContext.Current.CancellationToken)).Action(chain)!.Text;
}
