using System.Net;
using System.Text.RegularExpressions;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Http;

/// <summary>
/// A confirmed account for the signed-in measurements: stored with Identity's password hasher before the host starts,
/// then signed in through the site's own form, whose session cookie wrk sends with every request.
/// </summary>
public static partial class SignedInUser
{
    public const string Email = "bench@example.org";
    private const string NormalizedEmail = "BENCH@EXAMPLE.ORG";
    private const string Password = "bench-password-1";

    /// <summary>Stores the account unless it exists; returns its id.</summary>
    public static async Task<string> CreateAsync(IDbContextFactory<TrackerDb> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.Where(a => a.NormalizedEmail == NormalizedEmail).Select(a => a.Id).FirstOrDefaultAsync(cancellationToken) is { } existing) return existing;
        var account = new Account
        {
            UserName = Email, NormalizedUserName = NormalizedEmail, Email = Email, NormalizedEmail = NormalizedEmail,
            EmailConfirmed = true, DisplayName = "bench", CreatedAt = clock.GetUtcNow(), SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        account.PasswordHash = new PasswordHasher<Account>().HashPassword(account, Password);
        db.Users.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account.Id;
    }

    /// <summary>Signs in through <c>/account/login</c> and returns the <c>Cookie</c> header value of the session.</summary>
    public static async Task<string> SignInAsync(Uri site, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = site };
        var page = await client.GetStringAsync(new Uri("account/login", UriKind.Relative), cancellationToken);
        var token = TokenField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the sign-in page");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = Email, ["Input.Password"] = Password,
        });
        using var response = await client.PostAsync(new Uri("account/login", UriKind.Relative), form, cancellationToken);
        var session = cookies.GetCookies(site)["mt.session"]
            ?? throw new InvalidOperationException($"sign-in gave no session cookie ({(int)response.StatusCode} {response.Headers.Location})");
        return $"{session.Name}={session.Value}";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
