extern alias loggen;

using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Site;

/// <summary>
/// One web host per test class (<c>IClassFixture&lt;SiteFixture&gt;</c>) over a generated server of 3 teams × 6 weeks,
/// harvested and indexed before the first test: the pages and the API are read-only, so their tests share it.
/// <see cref="Generated"/> is what the generator wrote, to compare pages against.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public static readonly GeneratorOptions Options = new() { Teams = 3, Weeks = 6, Seed = 7 };

    public TrackerHost Host { get; } = new(Options);

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The generated meetings (rename stubs left out), as the generator wrote them.</summary>
    public IReadOnlyList<GeneratedMeeting> Generated { get; } = [.. ServerGenerator.Generate(Options).Where(m => !m.IsRenameStub)];

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

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await Host.DisposeAsync();
    }
}
