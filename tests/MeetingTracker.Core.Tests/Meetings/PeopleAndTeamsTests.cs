using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Meetings;

/// <summary>People from nick variants and teams from meeting names, as a harvest stores them.</summary>
public sealed class PeopleAndTeamsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Log = """
        10:00:00 <Bob_> #startmeeting Fedora_QA
        10:00:00 <zodbot> Meeting started Mon Mar  2 10:00:00 2026 UTC.
        10:00:05 <bob[m]> hello
        10:00:06 <bob|away> #action bob to write the notes
        10:00:07 <alice_> hi
        10:00:08 <alice> #info alice is here twice
        10:00:09 <Bob_> #endmeeting
        """;

    [Fact]
    public async Task Nick_variants_are_one_person_bots_are_nobody_and_team_names_merge()
    {
        using var tree = new TempDir();
        tree.Write("fedora-meeting/2026-03-02/fedora_qa.2026-03-02-10.00.log.txt", Log.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        tree.Write("fedora-meeting/2026-03-09/fedora-qa.2026-03-09-10.00.log.txt", Log.Replace("Mar  2", "Mar  9", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        await using var host = await HarvestHost.StartAsync(Ct);

        var summary = await host.HarvestAsync(new SourceOptions { Name = "t", Location = tree.Path }, Ct);

        Assert.Equal(2, summary.New);
        await using var db = host.Db();
        var people = (await db.People.Include(p => p.Aliases).ToListAsync(Ct)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(["alice", "Bob"], people.Select(p => p.Name));
        Assert.Equal(["alice", "alice_"], people[0].Aliases.Select(a => a.Nick).Order(StringComparer.Ordinal));
        Assert.Equal(["Bob", "Bob_", "bob[m]", "bob|away"], people[1].Aliases.Select(a => a.Nick).Order(StringComparer.Ordinal));
        var team = Assert.Single(await db.Teams.ToListAsync(Ct));
        Assert.Equal("fedora-qa", team.Key);
        Assert.All(await db.Meetings.ToListAsync(Ct), m => Assert.Equal(team.Id, m.TeamId));
        var action = await db.Items.Include(i => i.Owners).FirstAsync(i => i.Kind == Core.Meetbot.ItemKind.Action, Ct);
        Assert.Equal(people[1].Id, Assert.Single(action.Owners).PersonId);
        Assert.Equal(2, await db.Attendance.Where(a => a.MeetingId == action.MeetingId).Select(a => a.PersonId).Distinct().CountAsync(Ct));
    }
}
