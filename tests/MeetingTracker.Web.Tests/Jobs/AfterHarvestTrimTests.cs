using MeetingTracker.Core.Harvesting;
using MeetingTracker.Web.Configuration;
using MeetingTracker.Web.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Jobs;

/// <summary>
/// The handlers after a harvest are told in the order they were added: the trim (ADR 17) must come before the ones
/// that refresh the owners and mentions, again before the snapshot and the caches are rebuilt, and last, or the host's
/// peak is each rebuild on top of what was read before it. (What it saves is measured by Bench load, not here.)
/// </summary>
public sealed class AfterHarvestTrimTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public void The_trim_comes_first_before_the_snapshot_is_rebuilt_and_last()
    {
        var handlers = site.Host.Services.GetServices<IMeetingsChangedHandler>().ToList();
        var snapshot = handlers.FindIndex(h => h is Core.Accountability.AccountabilityService);

        Assert.IsType<AfterHarvestTrim>(handlers[0]);
        Assert.True(handlers.FindIndex(h => h is Core.Accountability.ActionOwnersRefresh) > 0);
        Assert.True(snapshot > 1);
        Assert.IsType<AfterHarvestTrim>(handlers[snapshot - 1]);
        Assert.IsType<AfterHarvestTrim>(handlers[^1]);
        Assert.Equal(3, handlers.OfType<AfterHarvestTrim>().Count());
    }

    [Fact]
    public async Task A_trim_leaves_the_site_serving()
    {
        await new AfterHarvestTrim().MeetingsChangedAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(await site.GetPageAsync("/"));
    }
}
