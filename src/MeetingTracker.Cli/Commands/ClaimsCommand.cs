using Microsoft.Extensions.Configuration;
using System.CommandLine;
using MeetingTracker.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>claims list</c>, <c>claims approve NICK EMAIL</c>, <c>claims refuse NICK EMAIL</c>: an admin's decisions on nick
/// claims. Approving a nick the account has not claimed yet claims it for the account first.
/// </summary>
internal static class ClaimsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var list = new Command("list", "List every claim: id, state, address, nick, person, note.") { data };
        list.SetAction(async (result, token) =>
        {
            await using var services = await AccountServices.OpenAsync(result.GetRequiredValue(data), configuration, token);
            await using var db = await AccountServices.DbAsync(services, token);
            var rows = await (from c in db.NickClaims.AsNoTracking()
                              join p in db.People on c.PersonId equals p.Id
                              orderby c.Id
                              select new { c.Id, c.Status, c.Account!.Email, c.Nick, Person = p.Name, c.Note }).ToListAsync(token);
            foreach (var c in rows)
            {
                stdout.WriteLine($"{c.Id}\t{c.Status.ToString().ToLowerInvariant()}\t{c.Email}\t{c.Nick}\t{c.Person}\t{c.Note}");
            }

            return 0;
        });

        return new Command("claims", "Nick claims: list, approve, refuse.") { list, Decision("approve", true, data, stdout, stderr, configuration), Decision("refuse", false, data, stdout, stderr, configuration) };
    }

    private static Command Decision(string name, bool approve, Option<DirectoryInfo> data, TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var nick = new Argument<string>("NICK") { Description = "A nick of the claimed person." };
        var email = new Argument<string>("EMAIL") { Description = "The claiming account's address." };
        var command = new Command(name, approve ? "Approve the account's claim of the nick's person (claiming it first if need be)." : "Refuse the account's waiting claim of the nick's person.")
        {
            nick, email, data,
        };
        command.SetAction(async (result, token) =>
        {
            await using var services = await AccountServices.OpenAsync(result.GetRequiredValue(data), configuration, token);
            await using var scope = services.CreateAsyncScope();
            if (await AccountServices.FindAsync(scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), result.GetRequiredValue(email)) is not { } account)
            {
                return AccountServices.Fail(stderr, $"no account {result.GetRequiredValue(email)}");
            }

            await using var db = await AccountServices.DbAsync(services, token);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            try
            {
                var lower = result.GetRequiredValue(nick).Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); IRC nicks are ASCII.
                var person = await db.PersonAliases.Where(a => a.Nick.ToLower() == lower).Select(a => (int?)a.PersonId).FirstOrDefaultAsync(token);
#pragma warning restore CA1304, CA1311, CA1862
                var claim = await db.NickClaims.FirstOrDefaultAsync(c => c.AccountId == account.Id && c.PersonId == person && c.Status == ClaimStatus.Pending, token);
                if (claim is null && approve) claim = await Claims.ClaimAsync(db, account.Id, result.GetRequiredValue(nick), now, token);
                if (claim is null) return AccountServices.Fail(stderr, $"{account.Email} has no waiting claim of '{result.GetRequiredValue(nick)}'");
                if (claim.Status == ClaimStatus.Verified)
                {
                    stdout.WriteLine($"claim {claim.Id} of '{claim.Nick}' by {account.Email}: verified ({claim.Note})");
                    return 0;
                }

                claim = approve ? await Claims.ApproveAsync(db, claim.Id, null, now, token) : await Claims.RefuseAsync(db, claim.Id, null, now, token);
                stdout.WriteLine($"claim {claim.Id} of '{claim.Nick}' by {account.Email}: {claim.Status.ToString().ToLowerInvariant()}");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                return AccountServices.Fail(stderr, e.Message);
            }
        });
        return command;
    }
}
