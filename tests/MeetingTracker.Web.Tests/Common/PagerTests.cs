using Bunit;
using MeetingTracker.Web.Components.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Common;

public sealed class PagerTests : IDisposable
{
    private readonly BunitContext context = new();

    [Fact]
    public void A_middle_page_links_both_ways_keeping_the_other_parameters()
    {
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("actions?team=infra&page=2");

        var pager = context.Render<Pager>(p => p.Add(x => x.Page, 2).Add(x => x.Pages, 3));

        Assert.Equal("actions?team=infra", pager.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("actions?team=infra&page=3", pager.Find("a[rel=next]").GetAttribute("href"));
        Assert.Equal("Page 2 of 3", pager.Find("[aria-current=page]").TextContent);
    }

    [Fact]
    public void The_first_and_last_pages_have_one_link_and_a_single_page_none()
    {
        Assert.Empty(context.Render<Pager>(p => p.Add(x => x.Page, 1).Add(x => x.Pages, 1)).FindAll("nav"));
        var first = context.Render<Pager>(p => p.Add(x => x.Page, 1).Add(x => x.Pages, 2));
        var last = context.Render<Pager>(p => p.Add(x => x.Page, 2).Add(x => x.Pages, 2));

        Assert.Equal(["next"], first.FindAll("a").Select(a => a.GetAttribute("rel")));
        Assert.Equal(["prev"], last.FindAll("a").Select(a => a.GetAttribute("rel")));
    }

    public void Dispose() => context.Dispose();
}
