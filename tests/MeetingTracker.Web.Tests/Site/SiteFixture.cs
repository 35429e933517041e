extern alias loggen;

using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Site;

/// <summary>
/// One web host per test class (<c>IClassFixture&lt;SiteFixture&gt;</c>) over a generated server (by default 3 teams
/// × 6 weeks), harvested and indexed before the first test: the pages and the API are read-only, so their tests share
/// it. <see cref="Generated"/> is what the generator wrote, to compare pages against.
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    public static readonly GeneratorOptions Options = new() { Teams = 3, Weeks = 6, Seed = 7 };

    public SiteFixture()
        : this(Options)
    {
    }

    protected SiteFixture(GeneratorOptions options)
    {
        Host = new(options);
        Generated = [.. ServerGenerator.Generate(options).Where(m => !m.IsRenameStub)];
    }

    public TrackerHost Host { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The generated meetings (rename stubs left out), as the generator wrote them.</summary>
    public IReadOnlyList<GeneratedMeeting> Generated { get; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Client = Host.CreateClient(new() { AllowAutoRedirect = false });
        await Host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, ct);
        await Host.Services.GetRequiredService<SearchIndexer>().IndexPendingAsync(ct);
    }

    /// <summary>GETs <paramref name="path"/> and returns the body; fails the test unless the status is 200.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    /// <summary>The page at <paramref name="path"/> (status 200 required), parsed with AngleSharp.</summary>
    public async Task<IDocument> DocumentAsync(string path)
        => await new HtmlParser().ParseDocumentAsync(await GetPageAsync(path), TestContext.Current.CancellationToken);

    /// <summary>The API answer at <paramref name="path"/> (status 200 required) as <typeparamref name="T"/>.</summary>
    public async Task<T> JsonAsync<T>(string path)
        => JsonSerializer.Deserialize<T>(await GetPageAsync(path), JsonSerializerOptions.Web) ?? throw new InvalidOperationException("null answer to " + path);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
