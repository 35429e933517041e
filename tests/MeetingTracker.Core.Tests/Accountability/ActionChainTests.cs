using MeetingTracker.Core.Accountability;
using static MeetingTracker.Core.Tests.Accountability.AccountabilityCorpus;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>Chains, ages and states over the harvested corpus (one infra team of four meetings, one docs meeting).</summary>
public sealed class ActionChainTests(AccountabilityCorpus corpus) : IClassFixture<AccountabilityCorpus>
{
    [Fact]
    public async Task Each_action_of_a_team_is_one_chain_with_its_first_and_latest_occurrence()
    {
        var infra = await corpus.TeamIdAsync("infra");
        var chains = await InfraChainsAsync(infra);

        Assert.Equal(
            [
                (B, 1, 2, 1, 2),
                (A, 1, 4, 3, 0),
                (D, 3, 4, 1, 0),
                (E, 1, 1, 0, 3),
                (E, 4, 4, 0, 0),
                ("dana to set up the nightly build farm job", 3, 3, 0, 1),
                (C, 1, 3, 1, 1),
            ],
            chains.Select(c => (c.Text, WeekOf(c.First), WeekOf(c.Latest), c.CarriedOver, c.MeetingsSince))
                .OrderBy(c => c.Text, StringComparer.Ordinal).ThenBy(c => c.Item2));
    }

    [Fact]
    public async Task The_same_words_in_another_team_are_another_action()
    {
        var snapshot = await corpus.Service().SnapshotAsync(TestContext.Current.CancellationToken);
        var docs = await corpus.TeamIdAsync("docs");

        var chain = Assert.Single(snapshot.Actions, c => c.TeamId == docs);
        Assert.Equal((A, 0, 0), (chain.Text, chain.CarriedOver, chain.MeetingsSince));
    }

    [Fact]
    public async Task A_chain_shows_its_latest_text_and_points_at_its_items()
    {
        var chains = await InfraChainsAsync(await corpus.TeamIdAsync("infra"));
        await using var db = corpus.Host.Db();

        var a = chains.Single(c => c.Text == A);
        var first = db.Items.Single(i => i.Id == a.First.ItemId);
        var latest = db.Items.Single(i => i.Id == a.Latest.ItemId);
        Assert.Equal((A, first.Number, first.MeetingId), (first.Text, a.First.Number, a.First.MeetingId));
        Assert.Equal((A, latest.Number, latest.MeetingId), (latest.Text, a.Latest.Number, a.Latest.MeetingId));
        Assert.Equal(4, a.Meetings);
        Assert.Equal(a.First.ItemId, a.Id);
        Assert.Equal(Week(1).AddMinutes(1), a.First.Time);
        Assert.Equal(Week(4).AddMinutes(1), a.Latest.Time);
    }

    [Fact]
    public async Task Age_counts_whole_days_from_first_raised()
    {
        var a = (await InfraChainsAsync(await corpus.TeamIdAsync("infra"))).Single(c => c.Text == A);

        Assert.Equal(0, a.AgeDays(Week(1)));
        Assert.Equal(0, a.AgeDays(Week(1).AddDays(1)));
        Assert.Equal(1, a.AgeDays(Week(1).AddDays(1).AddMinutes(1)));
        Assert.Equal(23, a.AgeDays(Week(4).AddDays(2).AddMinutes(1)));
    }

    [Fact]
    public async Task Within_the_due_window_every_action_is_open_then_carried_ones_are_overdue_and_the_rest_dropped()
    {
        var chains = await InfraChainsAsync(await corpus.TeamIdAsync("infra"));
        string[] order = [A, B, C, D, E, "dana to set up the nightly build farm job"];
        string States(DateTimeOffset now, int due = 14) => string.Join(
            ' ', chains.OrderBy(c => Array.IndexOf(order, c.Text)).ThenBy(c => c.First.Time).Select(c => c.InferState(now, due).Name()));

        // A, B, C, D, E (week 1), E (week 4), dana's (week 3); A, B, C and E were first raised 21 days before week 4.
        Assert.Equal("open open open open open open open", States(Week(4).AddDays(1), due: 30));
        Assert.Equal("overdue dropped dropped open dropped open open", States(Week(4).AddDays(1)));
        Assert.Equal("overdue dropped dropped overdue dropped open dropped", States(Week(4).AddDays(10)));
        Assert.Equal("overdue dropped dropped overdue dropped overdue dropped", States(Week(4).AddDays(15)));
    }

    [Fact]
    public async Task The_service_judges_by_its_clock_and_options()
    {
        var service = corpus.Service(dueDays: 3);

        Assert.Equal(corpus.Host.Clock.GetUtcNow(), service.Now());
        Assert.Equal(3, service.DueDays);
        Assert.Same(await service.SnapshotAsync(TestContext.Current.CancellationToken), await service.SnapshotAsync(TestContext.Current.CancellationToken));
    }

    private async Task<List<ActionChain>> InfraChainsAsync(int infra)
    {
        var snapshot = await corpus.Service().SnapshotAsync(TestContext.Current.CancellationToken);
        return [.. snapshot.Actions.Where(c => c.TeamId == infra)];
    }

    private static int WeekOf(ItemRef item) => 1 + (int)((item.Time - Week(1)).TotalDays / 7);
}
