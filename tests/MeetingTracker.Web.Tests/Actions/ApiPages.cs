using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MeetingTracker.Web.Tests.Site;

namespace MeetingTracker.Web.Tests.Actions;

/// <summary>Reading the site as the accountability tests do: pages parsed with AngleSharp, API answers as records.</summary>
internal static class ApiPages
{
    public static async Task<IDocument> PageAsync(this SiteFixture site, string path)
        => await new HtmlParser().ParseDocumentAsync(await site.GetPageAsync(path), TestContext.Current.CancellationToken);

    public static async Task<T> ApiAsync<T>(this SiteFixture site, string path)
    {
        var json = await site.GetPageAsync(path);
        return JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("null answer to " + path);
    }

    /// <summary>Every page of a paged API answer, 100 at a time.</summary>
    public static async Task<List<TItem>> AllAsync<TAnswer, TItem>(this SiteFixture site, string path, Func<TAnswer, (IReadOnlyList<TItem> Items, int Pages)> read)
    {
        var all = new List<TItem>();
        for (var page = 1; ; page++)
        {
            var (items, pages) = read(await site.ApiAsync<TAnswer>($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}pageSize=100&page={page}"));
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
