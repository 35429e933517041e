using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Projects;
using MeetingTracker.Core.Tests.Cli;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Core.Tests.Projects;

/// <summary>
/// Mentions found by a real harvest of a folder: stored with their lines, replaced when a meeting is read again, found
/// again when a team's patterns change or the rows are missing (an upgraded installation), and none when switched off.
/// </summary>
public sealed class MentionsHarvestTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TempDir tree = new();

    private HarvestHost host = null!;

    private SourceOptions Source => new() { Name = "s", Location = tree.Path };

    public async ValueTask InitializeAsync()
    {
        WriteWeek1("#info see https://github.com/Acme/Widget/pull/42 for the fix");
        tree.Write("fedora-meeting/2026-12-14/infra.2026-12-14-16.00.log.txt", Log(
            "infra",
            "#topic Release blockers",
            "rhbz#1234567 is still open, see also #77",
            "#action alice to retest https://bugzilla.redhat.com/show_bug.cgi?id=2000001",
            "bug 2000001 needs a retest at 12:30 in #fedora-qa, version 1.2.3"));
        host = await HarvestHost.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        tree.Dispose();
    }

    [Fact]
    public async Task A_harvest_stores_each_mention_on_its_line()
    {
        await host.HarvestAsync(Source, Ct);

        var mentions = await MentionsAsync();
        Assert.Equal(
            [
                "infra 2026-12-07 l6 github.com/acme/widget pullrequest 42",
                "infra 2026-12-14 l7 bugzilla.redhat.com 1234567",
                "infra 2026-12-14 l8 bugzilla.redhat.com 2000001",
                "infra 2026-12-14 l9 bugzilla.redhat.com 2000001",
            ],
            mentions);
        await using var db = host.Db();
        Assert.All(await db.Meetings.ToListAsync(Ct), m => Assert.Equal(TeamReferences.RulesVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReferencesStamp));
        Assert.Equal("https://github.com/acme/widget/pull/42", await db.Mentions.Where(m => m.Ticket == "42").Select(m => m.Url).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_meeting_read_again_has_its_new_mentions_only()
    {
        await host.HarvestAsync(Source, Ct);
        WriteWeek1("#info the fix moved to https://gitlab.com/acme/widget/-/merge_requests/7");

        await host.HarvestAsync(Source, Ct);

        var week1 = (await MentionsAsync()).Where(m => m.Contains("2026-12-07", StringComparison.Ordinal)).ToList();
        Assert.Equal(["infra 2026-12-07 l6 gitlab.com/acme/widget pullrequest 7"], week1);
    }

    [Fact]
    public async Task A_meeting_read_from_its_minutes_alone_has_its_mentions_on_its_items()
    {
        // The week-1 meeting as MeetBot's minutes give it, without its log: its items have no line.
        var log = System.Text.Encoding.UTF8.GetBytes(Log("infra", "#info see https://github.com/Acme/Widget/pull/42 for the fix", "#action bob to look at rhbz#1234567"));
        var parsed = Core.Meetbot.MeetbotReader.Read(log, "infra.2026-12-21-16.00.log.txt").Meeting!;
        var minutes = Core.Meetbot.Writing.MeetbotWriter.Write(parsed, new Core.Meetbot.Writing.WriterOptions { BaseName = "infra.2026-12-21-16.00" })[Core.Meetbot.MeetbotFormat.MinutesHtml]!;
        tree.Write("fedora-meeting/2026-12-21/" + minutes.FileName, minutes.Content);

        await host.HarvestAsync(Source, Ct);

        await using var db = host.Db();
        var meeting = await db.Meetings.SingleAsync(m => m.MeetingKey == "infra.2026-12-21-16.00", Ct);
        var items = await db.Items.Where(i => i.MeetingId == meeting.Id).ToDictionaryAsync(i => i.Number, i => i.Text, Ct);
        var mentions = await db.Mentions.Where(m => m.MeetingId == meeting.Id).OrderBy(m => m.ItemNumber).ToListAsync(Ct);
        Assert.Equal(["github.com/acme/widget 42", "bugzilla.redhat.com 1234567"], mentions.Select(m => $"{m.ProjectKey} {m.Ticket}"));
        Assert.All(mentions, m => Assert.Null(m.Line));
        Assert.Contains("pull/42", items[mentions[0].ItemNumber!.Value], StringComparison.Ordinal);
        Assert.Contains("rhbz#1234567", items[mentions[1].ItemNumber!.Value], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_pattern_configured_later_is_found_in_the_meetings_already_stored()
    {
        await host.HarvestAsync(Source, Ct);
        var options = new ReferenceOptions();
        options.Teams["Infra"] = new TeamReferenceSettings { References = [new ReferencePattern { Pattern = @"(?<![\w&])#(\d+)\b", Url = "https://pagure.io/fedora-infrastructure/issue/$1" }] };
        var refresh = new MentionsRefresh(host.Get<IDbContextFactory<Core.Storage.TrackerDb>>(), new TeamReferences(Options.Create(options)), NullLogger<MentionsRefresh>.Instance);

        Assert.Equal(2, await refresh.RefreshAsync(Ct));

        Assert.Contains("infra 2026-12-14 l7 pagure.io/fedora-infrastructure issue 77", await MentionsAsync());
        Assert.Equal(0, await refresh.RefreshAsync(Ct));
    }

    [Fact]
    public async Task Meetings_stored_without_mentions_get_them_at_the_next_refresh()
    {
        await host.HarvestAsync(Source, Ct);
        var before = await MentionsAsync();
        await using (var db = host.Db())
        {
            await db.Mentions.ExecuteDeleteAsync(Ct);
            await db.Meetings.ExecuteUpdateAsync(s => s.SetProperty(m => m.ReferencesStamp, (string?)null), Ct);
        }

        await host.Get<MentionsRefresh>().MeetingsChangedAsync(Ct);

        Assert.Equal(before, await MentionsAsync());
    }

    [Fact]
    public async Task Switched_off_a_harvest_finds_none()
    {
        await using var off = await HarvestHost.StartAsync(Ct, s => s.Configure<ReferenceOptions>(o => o.References.Enabled = false));

        await off.HarvestAsync(Source, Ct);

        await using var db = off.Db();
        Assert.Equal(2, await db.Meetings.CountAsync(Ct));
        Assert.Equal(0, await db.Mentions.CountAsync(Ct));
        Assert.All(await db.Meetings.ToListAsync(Ct), m => Assert.Null(m.ReferencesStamp));
    }

    [Fact]
    public async Task A_pattern_that_does_not_compile_stops_the_start_with_its_reason()
    {
        var options = new ReferenceOptions();
        options.Teams["infra"] = new TeamReferenceSettings { References = [new ReferencePattern { Pattern = "#(\\d+", Url = "https://pagure.io/x/issue/$1" }] };

        var problem = new ReferenceOptionsValidator().Validate(null, options);

        Assert.True(problem.Failed);
        Assert.Contains("MeetingTracker:Teams:infra:References", problem.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("#(\\d+", problem.FailureMessage, StringComparison.Ordinal);
    }

    private void WriteWeek1(string said)
        => tree.Write("fedora-meeting/2026-12-07/infra.2026-12-07-16.00.log.txt", Log("infra", said));

    private async Task<List<string>> MentionsAsync()
    {
        await using var db = host.Db();
        var rows = await (from m in db.Mentions
                          join meeting in db.Meetings on m.MeetingId equals meeting.Id
                          select new { meeting.MeetingKey, m.Line, m.ProjectKey, m.TicketKind, m.Ticket }).ToListAsync(Ct);
        return [.. rows
            .Select(r => $"{r.MeetingKey.Split('.')[0]} {r.MeetingKey.Split('.')[1][..10]} l{r.Line} {r.ProjectKey} {(r.TicketKind == TicketKind.Bug ? string.Empty : r.TicketKind?.ToString().ToLowerInvariant() + " ")}{r.Ticket}".Replace("  ", " ", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    // bob chairs; lines 1 to 5 are the opening, the said lines start at 6.
    private static string Log(string name, params string[] said) => Accountability.AccountabilityCorpus.Log(name, "16", said);
}
