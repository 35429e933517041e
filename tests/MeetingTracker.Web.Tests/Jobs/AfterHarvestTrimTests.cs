using MeetingTracker.Core.Harvesting;
using MeetingTracker.Web.Configuration;
using MeetingTracker.Web.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Jobs;

/// <summary>
/// The handlers after a harvest are told in the order they were added: the trim (ADR 17) must come before the ones
/// that rebuild the owners, the snapshot and the caches, or the host's peak is their rebuild on top of the harvest's
/// garbage. (What it saves is measured by Bench load, not here.)
/// </summary>
public sealed class AfterHarvestTrimTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public void The_trim_is_the_first_handler_told_after_a_harvest()
    {
        var handlers = site.Host.Services.GetServices<IMeetingsChangedHandler>().ToList();

        Assert.IsType<AfterHarvestTrim>(handlers[0]);
        Assert.Single(handlers.OfType<AfterHarvestTrim>());
        Assert.True(handlers.Count > 3);
    }

    [Fact]
    public async Task A_trim_leaves_the_site_serving()
    {
        await new AfterHarvestTrim().MeetingsChangedAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(await site.GetPageAsync("/"));
    }
}
