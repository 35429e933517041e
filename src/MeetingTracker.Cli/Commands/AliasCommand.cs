using Microsoft.Extensions.Configuration;
using System.CommandLine;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>alias team NAME TEAM</c>, <c>alias person NICK PERSON-NICK</c>, <c>alias list</c>: edits the alias tables that
/// merge renamed teams and a person's nicks, and moves what is already stored.
/// </summary>
internal static class AliasCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var name = new Argument<string>("NAME") { Description = "A meeting name or team key, e.g. design-team." };
        var team = new Argument<string>("TEAM") { Description = "The team it belongs to (its key), e.g. fedora-design; made if new." };
        var teamCommand = new Command("team", "Merge a meeting name into a team (renamed teams become one).") { name, team, data };
        teamCommand.SetAction(async (result, token) =>
        {
            await using var services = await DataOption.OpenAsync(result.GetRequiredValue(data), configuration, token);
            var moved = await services.GetRequiredService<AliasEditor>().MoveTeamAliasAsync(result.GetRequiredValue(name), result.GetRequiredValue(team), token);
            stdout.WriteLine($"team alias '{TeamNames.Normalize(result.GetRequiredValue(name))}' -> '{TeamNames.Normalize(result.GetRequiredValue(team))}': {moved} meetings moved");
            await CatchUpAsync(services, token);
            return 0;
        });

        var nick = new Argument<string>("NICK") { Description = "The nick to give away, e.g. rbean_work." };
        var owner = new Argument<string>("PERSON-NICK") { Description = "Any nick of the person it belongs to, e.g. rbean." };
        var personCommand = new Command("person", "Give a nick to a person (a person's nicks become one).") { nick, owner, data };
        personCommand.SetAction(async (result, token) =>
        {
            await using var services = await DataOption.OpenAsync(result.GetRequiredValue(data), configuration, token);
            try
            {
                var moved = await services.GetRequiredService<AliasEditor>().MovePersonAliasAsync(result.GetRequiredValue(nick), result.GetRequiredValue(owner), token);
                stdout.WriteLine($"nick '{result.GetRequiredValue(nick)}' -> the person of '{result.GetRequiredValue(owner)}': {moved} rows moved");
                await CatchUpAsync(services, token);
                return 0;
            }
            catch (InvalidOperationException e)
            {
                stderr.WriteLine($"meetingtracker: {e.Message}");
                return 1;
            }
        });

        var listCommand = new Command("list", "List teams and people with their aliases.") { data };
        listCommand.SetAction(async (result, token) =>
        {
            await using var services = await DataOption.OpenAsync(result.GetRequiredValue(data), configuration, token);
            await using var db = await services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(token);
            foreach (var t in (await db.Teams.AsNoTracking().Include(t => t.Aliases).ToListAsync(token)).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                stdout.WriteLine($"team {t.Key}: {string.Join(", ", t.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal))}");
            }

            foreach (var p in (await db.People.AsNoTracking().Include(p => p.Aliases).ToListAsync(token)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
            {
                stdout.WriteLine($"person {p.Name}: {string.Join(", ", p.Aliases.Select(a => a.Nick).Order(StringComparer.Ordinal))}");
            }

            return 0;
        });

        return new Command("alias", "Merge renamed teams and a person's nicks through the alias tables.") { teamCommand, personCommand, listCommand };
    }

    // The search index follows the moved meetings (or, when the web host holds it, the host does).
    private static async Task CatchUpAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var handler in services.GetServices<IMeetingsChangedHandler>())
        {
            await handler.MeetingsChangedAsync(cancellationToken);
        }
    }
}
