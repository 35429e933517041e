using Microsoft.Extensions.Configuration;
using System.CommandLine;
using MeetingTracker.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>users add EMAIL [--admin] [--confirmed] [--password-stdin]</c>, <c>users list</c>, <c>users disable EMAIL</c>.
/// Admin rights live in configuration only (<c>MeetingTracker:Admins</c>): <c>--admin</c> stores nothing more and prints
/// the setting to add, so the database never grants what the configuration does not show.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var email = new Argument<string>("EMAIL") { Description = "The account's e-mail address (its user name)." };
        var admin = new Option<bool>("--admin") { Description = "Print the MeetingTracker:Admins setting that makes the account an admin." };
        var confirmed = new Option<bool>("--confirmed") { Description = "Mark the address confirmed (no confirmation mail)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (else: no password; sign in by a reset or OpenID Connect)." };
        var add = new Command("add", "Create an account.") { email, admin, confirmed, passwordStdin, data };
        add.SetAction(async (result, token) =>
        {
            await using var services = await AccountServices.OpenAsync(result.GetRequiredValue(data), configuration, token);
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var address = result.GetRequiredValue(email).Trim();
            var account = new Account
            {
                UserName = address,
                Email = address,
                EmailConfirmed = result.GetValue(confirmed),
                DisplayName = address.Split('@')[0],
                CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            };
            string? password = null;
            if (result.GetValue(passwordStdin) && (password = (await stdin.ReadLineAsync(token))?.TrimEnd('\r')) is not { Length: > 0 })
            {
                return AccountServices.Fail(stderr, "--password-stdin: standard input holds no password");
            }

            var created = password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, password);
            if (!created.Succeeded) return AccountServices.Fail(stderr, string.Join("; ", created.Errors.Select(e => e.Description)));
            stdout.WriteLine($"account {address} created{(account.EmailConfirmed ? " (confirmed)" : string.Empty)}{(password is null ? ", no password" : string.Empty)}");
            if (result.GetValue(admin))
            {
                stdout.WriteLine("admin rights come from configuration: add the address to MeetingTracker:Admins, e.g.");
                stdout.WriteLine($"  MeetingTracker__Admins__0={address}   (or \"Admins\": [\"{address}\"] in appsettings.json)");
                if (!account.EmailConfirmed) stdout.WriteLine("an admin's address must be confirmed: add --confirmed or confirm it by mail");
            }

            return 0;
        });

        var list = new Command("list", "List accounts: address, name, confirmed, disabled.") { data };
        list.SetAction(async (result, token) =>
        {
            await using var services = await AccountServices.OpenAsync(result.GetRequiredValue(data), configuration, token);
            await using var db = await AccountServices.DbAsync(services, token);
            foreach (var a in await db.Users.AsNoTracking().OrderBy(a => a.NormalizedEmail).ToListAsync(token))
            {
                var state = a.DeletedAt is not null ? "deleted" : a.DisabledAt is not null ? "disabled" : "active";
                stdout.WriteLine($"{a.Email}\t{a.ShownName}\t{(a.EmailConfirmed ? "confirmed" : "unconfirmed")}\t{state}");
            }

            return 0;
        });

        var disableEmail = new Argument<string>("EMAIL") { Description = "The account's e-mail address." };
        var disable = new Command("disable", "Disable an account: no sign-in, sessions end, tokens stop.") { disableEmail, data };
        disable.SetAction(async (result, token) =>
        {
            await using var services = await AccountServices.OpenAsync(result.GetRequiredValue(data), configuration, token);
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            if (await AccountServices.FindAsync(users, result.GetRequiredValue(disableEmail)) is not { DeletedAt: null } account)
            {
                return AccountServices.Fail(stderr, $"no account {result.GetRequiredValue(disableEmail)}");
            }

            await AccountStates.DisableAsync(users, account, services.GetRequiredService<TimeProvider>().GetUtcNow());
            stdout.WriteLine($"account {account.Email} disabled");
            return 0;
        });

        return new Command("users", "Accounts: add, list, disable.") { add, list, disable };
    }
}
