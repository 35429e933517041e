using System.Net;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Actions;

/// <summary>Reading the site as the accountability tests do: every page of a paged API answer, bare responses.</summary>
internal static class ApiPages
{
    /// <summary>Every page of a paged API answer, 100 at a time.</summary>
    public static async Task<List<TItem>> AllAsync<TAnswer, TItem>(this SiteFixture site, string path, Func<TAnswer, (IReadOnlyList<TItem> Items, int Pages)> read)
    {
        var all = new List<TItem>();
        for (var page = 1; ; page++)
        {
            var (items, pages) = read(await site.JsonAsync<TAnswer>($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}pageSize=100&page={page}"));
            all.AddRange(items);
            if (page >= pages) return all;
        }
    }

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(this SiteFixture site, string path)
    {
        using var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
