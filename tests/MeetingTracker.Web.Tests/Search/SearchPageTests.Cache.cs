using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Pages.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Search;

/// <summary>
/// Answers are kept a minute, then served while renewed behind them; renewed before a harvest in this process ends.
/// </summary>
public sealed partial class SearchPageTests
{
    [Fact]
    public async Task An_answer_is_kept_for_a_minute_then_renewed_behind_it_and_renewed_at_once_when_the_meetings_change()
    {
        var clock = new ManualClock();
        var queries = new SearchQueries(
            site.Host.Services.GetRequiredService<SearchService>(), site.Host.Services.GetRequiredService<IDbContextFactory<TrackerDb>>(), clock);
        var request = new SearchRequest("mirror", 1, SearchQueries.PageSize, SearchOrder.Relevance);
        var ct = TestContext.Current.CancellationToken;

        var first = await queries.SearchAsync(request, ct);
        Assert.Same(first, await queries.SearchAsync(request with { }, ct));
        Assert.NotSame(first, await queries.SearchAsync(request with { Page = 2 }, ct));

        // After a minute the answer is still served, while it is renewed behind it.
        clock.Now += SearchQueries.Lifetime;
        Assert.Same(first, await queries.SearchAsync(request, ct));
        await queries.LastBuild(request);
        var renewed = await queries.SearchAsync(request, ct);
        Assert.NotSame(first, renewed);
        Assert.Equal(first.Results.TotalHits, renewed.Results.TotalHits);

        await queries.MeetingsChangedAsync(ct);
        Assert.NotSame(renewed, await queries.SearchAsync(request, ct));
    }

    [Fact]
    public void The_host_forgets_its_answers_after_a_harvest()
    {
        var queries = site.Host.Services.GetRequiredService<SearchQueries>();

        Assert.Contains(queries, site.Host.Services.GetServices<Core.Harvesting.IMeetingsChangedHandler>());
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
