using System.Text.Json;
using MeetingTracker.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// What the account pages (Components/Pages/Account) need beyond Identity itself: their mails, deletion, the
/// personal data download at <c>/account/data</c> and the rate limit on their forms.
/// </summary>
public static class AccountPagesSetup
{
    public const string DataPath = "/account/data";

    public static WebApplicationBuilder AddAccountPages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<AccountMail>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<PersonalData>();
        services.AddRateLimiter(o => o.AddPolicy(AccountFormsRateLimit.Policy, new AccountFormsRateLimit()));
        return builder;
    }

    /// <summary>After authentication: the limiter needs the endpoint (its policy is on the pages).</summary>
    public static WebApplication UseAccountPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.MapGet(DataPath, DownloadAsync).RequireAuthorization(Policies.User);
        return app;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, UserManager<Account> users, PersonalData data)
    {
        if (await users.GetUserAsync(http.User) is not { IsActive: true } account)
        {
            return Results.Challenge();
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(await data.CollectAsync(account, http.RequestAborted), Json);
        return Results.File(json, "application/json", "meetingtracker-account.json");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
