using Microsoft.Extensions.Configuration;
using System.CommandLine;
using System.Globalization;
using MeetingTracker.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>tokens create EMAIL [--name NAME] [--expires-days N]</c> prints the new token alone on its last line (scripts read
/// it there; it is never shown again); <c>tokens revoke EMAIL NAME</c>.
/// </summary>
internal static class TokensCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var email = new Argument<string>("EMAIL") { Description = "The account's address." };
        var name = new Option<string>("--name") { Description = "The token's name, unique for the account.", DefaultValueFactory = _ => "cli" };
        var days = new Option<int?>("--expires-days") { Description = "Days until it expires (default: never)." };
        var create = new Command("create", "Create a personal access token; the token is the last line printed.") { email, name, days, data };
        create.SetAction(async (result, token) =>
        {
            await using var services = await AccountServices.OpenAsync(result.GetRequiredValue(data), configuration, token);
            await using var scope = services.CreateAsyncScope();
            if (await AccountServices.FindAsync(scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), result.GetRequiredValue(email)) is not { } account)
            {
                return AccountServices.Fail(stderr, $"no account {result.GetRequiredValue(email)}");
            }

            await using var db = await AccountServices.DbAsync(services, token);
            try
            {
                var (row, secret) = await AccessTokens.CreateAsync(db, account.Id, result.GetRequiredValue(name), result.GetValue(days), services.GetRequiredService<TimeProvider>().GetUtcNow(), token);
                var expires = row.ExpiresAt is { } at ? "expires " + at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never expires";
                stdout.WriteLine($"token '{row.Name}' for {account.Email}, {expires}; shown once:");
                stdout.WriteLine(secret);
                return 0;
            }
            catch (InvalidOperationException e)
            {
                return AccountServices.Fail(stderr, e.Message);
            }
        });

        var revokeEmail = new Argument<string>("EMAIL") { Description = "The account's address." };
        var revokeName = new Argument<string>("NAME") { Description = "The token's name." };
        var revoke = new Command("revoke", "Revoke a token by name.") { revokeEmail, revokeName, data };
        revoke.SetAction(async (result, token) =>
        {
            await using var services = await AccountServices.OpenAsync(result.GetRequiredValue(data), configuration, token);
            await using var scope = services.CreateAsyncScope();
            if (await AccountServices.FindAsync(scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), result.GetRequiredValue(revokeEmail)) is not { } account)
            {
                return AccountServices.Fail(stderr, $"no account {result.GetRequiredValue(revokeEmail)}");
            }

            await using var db = await AccountServices.DbAsync(services, token);
            var tokenName = result.GetRequiredValue(revokeName);
            if (!await AccessTokens.RevokeAsync(db, account.Id, tokenName, services.GetRequiredService<TimeProvider>().GetUtcNow(), token))
            {
                return AccountServices.Fail(stderr, $"{account.Email} has no active token '{tokenName}'");
            }

            stdout.WriteLine($"token '{tokenName}' of {account.Email} revoked");
            return 0;
        });

        return new Command("tokens", "Personal access tokens: create, revoke.") { create, revoke };
    }
}
