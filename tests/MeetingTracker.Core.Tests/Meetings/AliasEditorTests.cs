using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Meetings;

/// <summary>Editing the alias tables merges teams and people, moves what is stored, and holds through re-reads.</summary>
public sealed class AliasEditorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Log(string name) => $"""
        10:00:00 <rbean> #startmeeting {name}
        10:00:01 <rbean> #meetingname {name}
        10:00:05 <rbean_work> hello from work
        10:00:06 <rbean> #action rbean_work to file the bug
        10:00:07 <alice> #idea a new logo
        10:00:09 <rbean> #endmeeting

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public async Task A_renamed_team_and_a_second_nick_are_merged_and_stay_merged_after_a_reread()
    {
        using var tree = new TempDir();
        tree.Write("fedora-meeting/2020-01-06/design-team.2020-01-06-10.00.log.txt", Log("design-team"));
        tree.Write("fedora-meeting/2024-01-08/fedora-design.2024-01-08-10.00.log.txt", Log("fedora-design"));
        var source = new SourceOptions { Name = "t", Location = tree.Path };
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(source, Ct);
        await using (var db = host.Db())
        {
            Assert.Equal(2, await db.Teams.CountAsync(Ct));
            Assert.Equal(3, await db.People.CountAsync(Ct));
        }

        var (teamExit, teamOut, _) = CliRunner.Run("alias", "team", "design-team", "fedora-design", "--data", host.DataDir);
        var (personExit, personOut, _) = CliRunner.Run("alias", "person", "rbean_work", "rbean", "--data", host.DataDir);
        var (missingExit, _, missingErr) = CliRunner.Run("alias", "person", "x", "nobody", "--data", host.DataDir);

        Assert.Equal((0, "team alias 'design-team' -> 'fedora-design': 1 meetings moved"), (teamExit, teamOut.Trim()));
        Assert.Equal(0, personExit);
        Assert.StartsWith("nick 'rbean_work' -> the person of 'rbean': ", personOut, StringComparison.Ordinal);
        Assert.Equal(1, missingExit);
        Assert.Contains("no person uses the nick 'nobody'", missingErr, StringComparison.Ordinal);
        await AssertMerged(host);

        // A newer parser re-reads both meetings: they resolve through the edited tables.
        var reread = await host.HarvestAsync(source, Ct, parserVersion: MeetbotReader.Version + 1);
        Assert.Equal(2, reread.Updated);
        await AssertMerged(host);
        var (_, list, _) = CliRunner.Run("alias", "list", "--data", host.DataDir);
        Assert.Contains("team fedora-design: design-team, fedora-design", list, StringComparison.Ordinal);
        Assert.Contains("person rbean: rbean, rbean_work", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_of_a_merged_person_go_with_it_and_one_another_account_holds_waits_for_an_admin()
    {
        using var tree = new TempDir();
        tree.Write("fedora-meeting/2024-01-08/fedora-design.2024-01-08-10.00.log.txt", Log("fedora-design"));
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(new SourceOptions { Name = "t", Location = tree.Path }, Ct);
        int rbean, work;
        await using (var db = host.Db())
        {
            rbean = await db.PersonAliases.Where(a => a.Nick == "rbean").Select(a => a.PersonId).SingleAsync(Ct);
            work = await db.PersonAliases.Where(a => a.Nick == "rbean_work").Select(a => a.PersonId).SingleAsync(Ct);
            db.Users.AddRange(new Account { Id = "a", UserName = "a", DisplayName = "a" }, new Account { Id = "b", UserName = "b", DisplayName = "b" });
            db.NickClaims.Add(new NickClaim { AccountId = "a", PersonId = rbean, Nick = "rbean", Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin });
            db.NickClaims.Add(new NickClaim { AccountId = "b", PersonId = work, Nick = "rbean_work", Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin });
            await db.SaveChangesAsync(Ct);
        }

        // Before claims moved with their person, deleting the merged person hit the claim's foreign key: the merge failed.
        var (exit, _, error) = CliRunner.Run("alias", "person", "rbean_work", "rbean", "--data", host.DataDir);

        Assert.True(exit == 0, error);
        await using (var db = host.Db())
        {
            Assert.False(await db.People.AnyAsync(p => p.Id == work, Ct));
            var claims = await db.NickClaims.OrderBy(c => c.AccountId).Select(c => new { c.AccountId, c.PersonId, c.Status, c.Note }).ToListAsync(Ct);
            Assert.Equal(2, claims.Count);
            Assert.All(claims, c => Assert.Equal(rbean, c.PersonId));
            Assert.Equal(ClaimStatus.Verified, claims[0].Status);
            Assert.Equal((ClaimStatus.Pending, Claims.WaitsForAdmin), (claims[1].Status, claims[1].Note));
        }
    }

    private static async Task AssertMerged(HarvestHost host)
    {
        await using var db = host.Db();
        var team = Assert.Single(await db.Teams.ToListAsync(Ct));
        Assert.Equal("fedora-design", team.Key);
        Assert.All(await db.Meetings.ToListAsync(Ct), m => Assert.Equal(team.Id, m.TeamId));
        var people = await db.People.Include(p => p.Aliases).ToListAsync(Ct);
        Assert.Equal(2, people.Count);
        var rbean = people.Single(p => p.Name == "rbean");
        Assert.All(await db.Lines.Where(l => l.Nick == "rbean_work").ToListAsync(Ct), l => Assert.Equal(rbean.Id, l.PersonId));
        Assert.All(await db.Attendance.Where(a => a.Nick == "rbean_work").ToListAsync(Ct), a => Assert.Equal(rbean.Id, a.PersonId));
        var owners = await db.ItemOwners.Select(o => o.PersonId).Distinct().ToListAsync(Ct);
        Assert.Equal([rbean.Id], owners);
    }
}
