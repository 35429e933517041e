using System.Net;
using System.Net.Http.Json;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>
/// THE authorization matrix: every state-changing route of the site × every role. <see cref="Routes"/> is the one
/// table of write routes: a new POST/PUT/PATCH/DELETE endpoint fails <see cref="Every_write_endpoint_is_in_the_table"/>
/// until it has its row here (the lead adds the account pages' and /account/external's rows when they merge).
/// </summary>
public sealed class AuthorizationMatrixTests(AccountsSite site) : IClassFixture<AccountsSite>
{
    /// <summary>Who may: the least role, as a policy name.</summary>
    /// <param name="Target">The path requested, for a route with parameters (<see cref="Path"/> is then its pattern).</param>
    public sealed record WriteRoute(
        string Method, string Path, string Policy, Func<AccountsSite, Dictionary<string, string>> Form, bool Api = false, Func<AccountsSite, string>? Target = null);

    public static readonly WriteRoute[] Routes =
    [
        new("POST", AccountEndpoints.ClaimsPath, Policies.User, _ => new() { ["nick"] = "no-such-nick" }),
        new("POST", AccountEndpoints.TokensPath, Policies.User, _ => new() { ["name"] = "matrix-" + Guid.NewGuid().ToString("N"), ["expiresDays"] = "1" }),
        new("POST", AccountEndpoints.RevokePath, Policies.User, _ => new() { ["name"] = "none" }),
        new("POST", "/admin/claims/approve", Policies.Admin, _ => new() { ["id"] = "0" }),
        new("POST", "/admin/claims/refuse", Policies.Admin, _ => new() { ["id"] = "0" }),
        new("POST", "/admin/accounts/disable", Policies.Admin, _ => new() { ["id"] = "none" }),
        new("POST", "/admin/accounts/enable", Policies.Admin, _ => new() { ["id"] = "none" }),
        new("POST", "/admin/aliases/team", Policies.Admin, _ => new() { ["name"] = "matrix-team", ["team"] = "matrix-team" }),
        new("POST", "/admin/aliases/person", Policies.Admin, _ => new() { ["nick"] = "no-such-nick", ["person"] = "no-such-nick" }),
        new("POST", "/api/account/claims", Policies.User, _ => new() { ["nick"] = "no-such-nick" }, Api: true),

        // Issue 12: what people say about actions and ideas. The route takes any signed-in user; who may make which
        // change is the rules' table (EventRulesTests, ActionEventsApiTests). These bodies change nothing for anyone:
        // an empty comment, an unknown state.
        new("POST", "/actions/{id:int}/events", Policies.User, _ => new() { ["comment"] = " " }, Target: s => $"/actions/{s.ChainId}/events"),
        new("POST", "/api/actions/{id:int}/events", Policies.User, _ => new() { ["state"] = "no-such-state" }, Api: true, Target: s => $"/api/actions/{s.ChainId}/events"),
        new("POST", "/ideas/{id:int}/events", Policies.User, _ => new() { ["comment"] = " " }, Target: s => $"/ideas/{s.IdeaId}/events"),
        new("POST", "/api/ideas/{id:int}/events", Policies.User, _ => new() { ["state"] = "no-such-state" }, Api: true, Target: s => $"/api/ideas/{s.IdeaId}/events"),
        // Issue 13: reminder preferences are the account's own; a one-click answer is allowed to whoever holds a link the
        // site signed (the token, not a session, says who answers: ReminderLinksTests), with the form's antiforgery
        // token; RFC 8058's one-click unsubscribe comes from mail providers without cookies, so only its signed link counts.
        new("POST", "/account/reminders", Policies.User, _ => new() { ["frequency"] = "never" }),
        new("POST", "/reminders/answer/confirm", Public, _ => new() { ["t"] = "not-a-signed-link" }),
        new("POST", "/reminders/unsubscribe/one-click", SignedLink, _ => new() { ["t"] = "not-a-signed-link" }),
        // Starts a sign-in at the OpenID Connect provider: everyone may (no provider here: it says so on the sign-in page).
        new("POST", "/account/external", Public, _ => new() { ["returnUrl"] = "/" }),
    ];

    public static TheoryData<int, string> Cases() => EveryRole(Routes.Length);

    // Each row of a table × each role.
    private static TheoryData<int, string> EveryRole(int rows)
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < rows; i++)
        {
            foreach (var role in AccountsSite.Roles) data.Add(i, role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_route_allows_or_refuses_each_role(int route, string role)
    {
        var ct = TestContext.Current.CancellationToken;
        var row = Routes[route];
        using var client = await site.ClientAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(row.Target?.Invoke(site) ?? row.Path, UriKind.Relative));
        if (row.Api)
        {
            // A signed-in browser's script sends the antiforgery token in a header (a write by cookie needs it).
            request.Content = JsonContent.Create(row.Form(site));
            if (role != "anonymous") request.Headers.Add("RequestVerificationToken", await site.FormTokenAsync(client));
        }
        else
        {
            var form = row.Form(site);
            if (role != "anonymous" || row.Policy == Public) form["__RequestVerificationToken"] = await site.FormTokenAsync(client, row.Policy == Public ? "/account/login" : null);
            request.Content = new FormUrlEncodedContent(form);
        }

        using var response = await client.SendAsync(request, ct);

        var allowed = row.Policy is Public or SignedLink || (role != "anonymous" && (row.Policy == Policies.User || role == "admin"));
        var status = response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        if (allowed)
        {
            // A public route reached its handler when it answers for itself: with no OpenID Connect provider configured,
            // /account/external says 404 (no such provider) rather than refusing the caller.
            var reached = row.Api ? status is HttpStatusCode.OK or HttpStatusCode.BadRequest
                : (status == HttpStatusCode.Redirect && !location.Contains("/account/login", StringComparison.Ordinal) && !location.Contains("/account/denied", StringComparison.Ordinal))
                    || (row.Policy == Public && status == HttpStatusCode.NotFound);
            Assert.True(reached, $"{row.Method} {row.Path} as {role}: {(int)status} {location}");
        }
        else if (role == "anonymous")
        {
            Assert.True(row.Api ? status == HttpStatusCode.Unauthorized : status == HttpStatusCode.Redirect && location.Contains("/account/login", StringComparison.Ordinal),
                $"{row.Method} {row.Path} as {role}: {(int)status} {location}");
        }
        else
        {
            Assert.True(row.Api ? status == HttpStatusCode.Forbidden : status == HttpStatusCode.Redirect && location.Contains("/account/denied", StringComparison.Ordinal),
                $"{row.Method} {row.Path} as {role}: {(int)status} {location}");
        }
    }

    [Theory]
    [InlineData("user")]
    [InlineData("admin")]
    public async Task A_form_post_without_the_antiforgery_token_is_refused(string role)
    {
        using var client = await site.ClientAsync(role);
        foreach (var row in Routes.Where(r => !r.Api && r.Policy != SignedLink && (r.Policy is Policies.User or Public || role == "admin")))
        {
            using var response = await client.PostAsync(new Uri(row.Target?.Invoke(site) ?? row.Path, UriKind.Relative), new FormUrlEncodedContent(row.Form(site)), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{row.Path} without a token as {role}: {(int)response.StatusCode}");
        }
    }

    /// <summary>The site's pages whose own forms post back to them (Blazor's form dispatch: <c>_handler</c> names the form).</summary>
    public sealed record PageForm(string Path, string FormName, string Policy, Dictionary<string, string> Fields);

    /// <summary>Everyone may post these (they are how one signs in); each still needs the antiforgery token.</summary>
    public const string Public = "public";

    /// <summary>Anyone, without a session or an antiforgery token: a link the site signed is the authority (RFC 8058).</summary>
    public const string SignedLink = "signed-link";

    // Inputs that fail validation or match no account, so that no row changes an account: what is checked is who gets
    // to the form's handler, not what it does (the account tests do that).
    public static readonly PageForm[] PageForms =
    [
        new("/account/register", "register", Public, new() { ["Input.Email"] = "not-an-address", ["Input.DisplayName"] = "x", ["Input.Password"] = "short", ["Input.Confirm"] = "other" }),
        new("/account/login", "login", Public, new() { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "wrong-password-1" }),
        new("/account/forgot", "forgot", Public, new() { ["Input.Email"] = "not-an-address" }),
        new("/account/reset?userId=none&code=none", "reset", Public, new() { ["Input.Password"] = "short", ["Input.Confirm"] = "other" }),
        new("/account/logout", "logout", Public, []),
        new("/account", "display-name", Policies.User, new() { ["Input.DisplayName"] = "" }),
        new("/account", "email", Policies.User, new() { ["Input.Email"] = "not-an-address" }),
        new("/account", "password", Policies.User, new() { ["Input.Current"] = "", ["Input.Password"] = "short", ["Input.Confirm"] = "other" }),
        new("/account", "delete", Policies.User, new() { ["Input.Password"] = "" }),
    ];

    public static TheoryData<int, string> PageCases() => EveryRole(PageForms.Length);

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task Each_page_form_allows_or_refuses_each_role_and_needs_its_token(int form, string role)
    {
        var ct = TestContext.Current.CancellationToken;
        var row = PageForms[form];
        using var client = await site.ClientAsync(role);
        var fields = new Dictionary<string, string>(row.Fields) { ["_handler"] = row.FormName };

        var allowed = row.Policy == Public || role != "anonymous";
        using (var withoutToken = await client.PostAsync(new Uri(row.Path, UriKind.Relative), new FormUrlEncodedContent(fields), ct))
        {
            // Refused either way: a role the page admits gets 400 for the missing token, another is sent to sign in first.
            var toLogin = withoutToken.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;
            Assert.True(withoutToken.StatusCode == HttpStatusCode.BadRequest || (!allowed && toLogin), $"{row.Path} '{row.FormName}' without a token as {role}: {(int)withoutToken.StatusCode}");
        }

        if (allowed || role == "anonymous")
        {
            // The token comes from a page the role can open: the form's own page, or the sign-in page for anonymous.
            fields["__RequestVerificationToken"] = await site.FormTokenAsync(client, allowed ? row.Path : "/account/login");
        }

        using var response = await client.PostAsync(new Uri(row.Path, UriKind.Relative), new FormUrlEncodedContent(fields), ct);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var refused = location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/account/denied", StringComparison.Ordinal);
        Assert.True(
            allowed ? response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect && !(refused && row.FormName != "logout") : response.StatusCode == HttpStatusCode.Redirect && refused,
            $"{row.Path} '{row.FormName}' as {role}: {(int)response.StatusCode} {location}");
    }

    [Fact]
    public void Every_write_endpoint_is_in_the_table()
    {
        // Razor component pages accept POST for Blazor's form dispatch; the site's forms post to endpoints instead
        // (a page with an @formname handler must be added here by hand).
        var writes = site.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                .Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Routes.Select(r => $"{r.Method} {r.Path}").Order(StringComparer.Ordinal), writes);
    }

    [Fact]
    public async Task Owner_and_chair_rules_ask_verified_people_and_admins_pass_them()
    {
        var auth = site.Site.Services.GetRequiredService<IAuthorizationService>();
        var results = new List<string>();
        foreach (var role in AccountsSite.Roles.Skip(1))
        {
            using var scope = site.Site.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<Account>>();
            var account = await users.UserManager.FindByEmailAsync(AccountsSite.Email(role));
            var principal = await users.CreateUserPrincipalAsync(account!);
            var owner = (await auth.AuthorizeAsync(principal, site.OwnedItemId, Policies.Owner)).Succeeded;
            var chair = (await auth.AuthorizeAsync(principal, site.TeamKey, Policies.TeamChair)).Succeeded;
            results.Add($"{role}: owner={owner} chair={chair}");
        }

        Assert.Equal(
            ["user: owner=False chair=False", "other: owner=False chair=False", "owner: owner=True chair=False", "chair: owner=False chair=True", "admin: owner=True chair=True"],
            results);
    }
}
