using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.LogGen.Generation;
using Microsoft.EntityFrameworkCore;
using static MeetingTracker.Core.Tests.Meetings.BotFixture;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>Bots found by behaviour, remembered per source or configured are never people, attendees or owners (ADR 12).</summary>
public sealed class BotHarvestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bot_no_list_holds_is_not_a_person_attendee_or_owner()
    {
        using var dir = new TempDir();
        dir.Write(LogPath, Log);
        await using var host = await HarvestHost.StartAsync(Ct);

        await host.HarvestAsync(Source(dir), Ct);

        await using var db = host.Db();
        await AssertNoPersonAsync(db, Bot);
        Assert.Equal(["carol", "jmrodri"], await db.Attendance.Select(a => a.Nick).OrderBy(n => n).ToListAsync(Ct));
        Assert.True(await db.Lines.Where(l => l.Nick == Bot).AllAsync(l => l.PersonId == null, Ct));
        var action = await db.Items.Include(i => i.Owners).SingleAsync(i => i.Text == "brokerbot to post the minutes", Ct);
        Assert.Equal((Bot, 0), (action.Assignees, action.Owners.Count));
        Assert.Equal([Bot], await db.SourceBots.Select(b => b.Nick).ToListAsync(Ct));
    }

    [Theory]
    [InlineData(ServerLayout.Fedora)]
    [InlineData(ServerLayout.Debian)]
    [InlineData(ServerLayout.OpenStack)]
    [InlineData(ServerLayout.Ubuntu)]
    public async Task A_bot_named_as_no_real_server_names_it_is_found_in_every_layout_and_stored_as_no_one(ServerLayout layout)
    {
        const string Name = "secretary-3000";
        using var tree = new LogGenTree(new GeneratorOptions { Layout = layout, Teams = 2, Weeks = 3, Seed = 5, BotNick = Name });
        foreach (var file in Directory.EnumerateFiles(tree.Root, "*", SearchOption.AllDirectories).Where(f => MeetingFileName.FormatOfExtension(f) is MeetbotFormat.LogTxt or MeetbotFormat.LogHtml or MeetbotFormat.Moin))
        {
            var read = MeetbotReader.ReadFile(file).Meeting!;
            Assert.True(read.Lines.Count < 2 || read.Bots.SequenceEqual([Name]), $"{file}: bots [{string.Join(", ", read.Bots)}]");
        }

        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(new SourceOptions { Name = "gen", Location = tree.Root }, Ct);

        await using var db = host.Db();
        await AssertNoPersonAsync(db, Name);
        Assert.DoesNotContain(Name, await db.Attendance.Select(a => a.Nick).Distinct().ToListAsync(Ct));
        Assert.True(await db.Attendance.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_configured_bot_is_excluded_likewise()
    {
        using var dir = new TempDir();
        dir.Write(LogPath, Log);
        await using var host = await HarvestHost.StartAsync(Ct);
        var source = Source(dir);
        source.Bots.Add("Carol");

        await host.HarvestAsync(source, Ct);

        await using var db = host.Db();
        await AssertNoPersonAsync(db, "carol");
        Assert.Equal(["jmrodri"], await db.Attendance.Select(a => a.Nick).ToListAsync(Ct));
        var action = await db.Items.Include(i => i.Owners).SingleAsync(i => i.Text == "carol to tag the release", Ct);
        Assert.Equal(("carol", 0), (action.Assignees, action.Owners.Count));
    }

    [Fact]
    public async Task A_minutes_only_meeting_leaves_out_the_bot_its_sources_logs_showed()
    {
        using var dir = new TempDir();
        dir.Write(LogPath, Log);
        dir.Write(MinutesPath, Minutes);
        await using var host = await HarvestHost.StartAsync(Ct);

        await host.HarvestAsync(Source(dir), Ct);

        await using var db = host.Db();
        await AssertNoPersonAsync(db, Bot);
        var minutesOnly = await db.Meetings.Include(m => m.Attendance).Include(m => m.Items).ThenInclude(i => i.Owners)
            .SingleAsync(m => m.MeetingKey == "asbroker.2018-06-12-13.31", Ct);
        Assert.Equal(["dave", "jmrodri"], minutesOnly.Attendance.Select(a => a.Nick).Order());
        Assert.Empty(minutesOnly.Items.Single(i => i.Text == "brokerbot to post the minutes").Owners);
    }

    [Fact]
    public async Task A_minutes_only_meeting_stored_before_the_bot_was_known_loses_it_when_a_log_shows_the_bot()
    {
        using var dir = new TempDir();
        dir.Write(MinutesPath, Minutes);
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Source(dir), Ct);
        await using (var before = host.Db())
        {
            Assert.True(await before.PersonAliases.AnyAsync(a => a.Nick == Bot, Ct), "minutes alone cannot show the bot");
        }

        dir.Write(LogPath, Log);
        var summary = await host.HarvestAsync(Source(dir), Ct);

        // The log's re-read removes the bot's person with what pointed at it in the source's meetings.
        Assert.Equal("meetings: 1 new, 0 updated, 1 unchanged, 0 failed", summary.MeetingsLine);
        await using var db = host.Db();
        await AssertNoPersonAsync(db, Bot);
        Assert.Equal(["dave", "jmrodri"], await db.Attendance.Where(a => db.Meetings.Any(m => m.Id == a.MeetingId && m.MeetingKey == "asbroker.2018-06-12-13.31")).Select(a => a.Nick).OrderBy(n => n).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_bot_configured_later_makes_the_meetings_that_count_it_read_again()
    {
        using var dir = new TempDir();
        dir.Write(LogPath, Log);
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Source(dir), Ct);
        var source = Source(dir);
        source.Bots.Add("carol");

        var summary = await host.HarvestAsync(source, Ct);

        Assert.Equal("meetings: 0 new, 1 updated, 0 unchanged, 0 failed", summary.MeetingsLine);
        await using var db = host.Db();
        await AssertNoPersonAsync(db, "carol");
        Assert.Equal([Bot], await db.SourceBots.Select(b => b.Nick).ToListAsync(Ct));
    }

    [Fact]
    public async Task Rereading_a_meeting_whose_bot_was_stored_as_a_person_removes_that_person_and_its_alias()
    {
        using var dir = new TempDir();
        dir.Write(LogPath, Log);
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Source(dir), Ct);
        var itemIds = await StoreBotAsPersonAsync(host, Bot);

        var summary = await host.HarvestAsync(Source(dir), Ct, parserVersion: MeetbotReader.Version + 1);

        Assert.Equal(1, summary.Updated);
        await using var db = host.Db();
        await AssertNoPersonAsync(db, Bot);
        Assert.Equal(itemIds, await db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct));
        Assert.True(await db.Lines.Where(l => l.Nick == Bot).AllAsync(l => l.PersonId == null, Ct));
        Assert.True(await db.PersonAliases.AnyAsync(a => a.Nick == "carol", Ct));
    }

    [Fact]
    public async Task A_bot_person_someone_claimed_is_kept_without_alias_and_the_claim_ends()
    {
        using var dir = new TempDir();
        dir.Write(LogPath, Log);
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Source(dir), Ct);
        await StoreBotAsPersonAsync(host, Bot);
        int person;
        await using (var db = host.Db())
        {
            person = await db.PersonAliases.Where(a => a.Nick == Bot).Select(a => a.PersonId).SingleAsync(Ct);
            db.Users.Add(new Account { Id = "claimer", UserName = "claimer", DisplayName = "claimer" });
            db.NickClaims.Add(new NickClaim { AccountId = "claimer", PersonId = person, Nick = Bot, Status = ClaimStatus.Pending });
            await db.SaveChangesAsync(Ct);
        }

        // Before claimed people were kept, deleting the bot's person hit the claim's foreign key and the re-read failed.
        var summary = await host.HarvestAsync(Source(dir), Ct, parserVersion: MeetbotReader.Version + 1);

        Assert.Equal(1, summary.Updated);
        await using var check = host.Db();
        Assert.False(await check.PersonAliases.AnyAsync(a => a.Nick == Bot, Ct));
        Assert.True(await check.People.AnyAsync(p => p.Id == person, Ct));
        var claim = await check.NickClaims.SingleAsync(Ct);
        Assert.Equal((ClaimStatus.Ended, ClaimsOfMergedPeople.TurnedOutBot), (claim.Status, claim.Note));
    }

    [Fact]
    public async Task A_person_a_non_bot_nick_still_uses_is_kept_without_the_bot_alias()
    {
        using var dir = new TempDir();
        dir.Write(LogPath, Log);
        await using var host = await HarvestHost.StartAsync(Ct);
        await host.HarvestAsync(Source(dir), Ct);
        await StoreBotAsPersonAsync(host, Bot);
        await using (var edit = host.Db())
        {
            var person = await edit.People.SingleAsync(p => p.Name == Bot, Ct);
            edit.PersonAliases.Add(new PersonAlias { Nick = "jm-ops", PersonId = person.Id });
            await edit.SaveChangesAsync(Ct);
        }

        await host.HarvestAsync(Source(dir), Ct, parserVersion: MeetbotReader.Version + 1);

        await using var db = host.Db();
        Assert.Equal(["jm-ops"], await db.PersonAliases.Where(a => a.Person!.Name == Bot).Select(a => a.Nick).ToListAsync(Ct));
        Assert.False(await db.PersonAliases.AnyAsync(a => a.Nick == Bot, Ct));
        Assert.False(await db.Attendance.AnyAsync(a => a.Nick == Bot, Ct));
    }

    private static SourceOptions Source(TempDir dir) => new() { Name = "broker", Location = dir.Path };

    private static async Task AssertNoPersonAsync(TrackerDb db, string nick)
    {
        var lower = nick.ToUpperInvariant();
        Assert.DoesNotContain(lower, await db.People.Select(p => p.Name.ToUpperInvariant()).ToListAsync(Ct));
        Assert.DoesNotContain(lower, await db.PersonAliases.Select(a => a.Nick.ToUpperInvariant()).ToListAsync(Ct));
        Assert.DoesNotContain(lower, await db.Attendance.Select(a => a.Nick.ToUpperInvariant()).ToListAsync(Ct));
        Assert.DoesNotContain(lower, await db.ItemOwners.Select(o => o.Nick.ToUpperInvariant()).ToListAsync(Ct));
    }

    // What a reader that did not know the bot stored: a person with its alias, attendance, lines and an ownership;
    // and no remembered source bot, as in a database from before (the re-read alone must clean it).
    private static async Task<List<int>> StoreBotAsPersonAsync(HarvestHost host, string nick)
    {
        await using var db = host.Db();
        var meeting = await db.Meetings.SingleAsync(Ct);
        var person = new Person { Name = nick };
        db.People.Add(person);
        db.PersonAliases.Add(new PersonAlias { Nick = nick, Person = person });
        await db.SaveChangesAsync(Ct);
        db.Attendance.Add(new Attendance { MeetingId = meeting.Id, Nick = nick, PersonId = person.Id, Lines = 2 });
        var action = await db.Items.SingleAsync(i => i.Text == "brokerbot to post the minutes", Ct);
        db.ItemOwners.Add(new ItemOwner { ItemId = action.Id, PersonId = person.Id, Nick = nick });
        await db.SaveChangesAsync(Ct);
        await db.Lines.Where(l => l.Nick == nick).ExecuteUpdateAsync(s => s.SetProperty(l => l.PersonId, person.Id), Ct);
        await db.SourceBots.ExecuteDeleteAsync(Ct);
        return await db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct);
    }
}
