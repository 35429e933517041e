extern alias loggen;

using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Harvesting;

namespace MeetingTracker.Web.Tests.Home;

/// <summary>
/// A host over a generated server whose five weeks end a few days before today (by the real clock, which the host
/// uses): its teams are active, its actions are partly inside their due window and partly overdue.
/// </summary>
public sealed class RecentSite : IAsyncLifetime
{
    public static readonly GeneratorOptions Options = new()
    {
        Teams = 3,
        Weeks = 5,
        Seed = 11,
        Start = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-36),
    };

    public TrackerHost Host { get; } = new(Options);

    public HttpClient Client { get; private set; } = null!;

    public IReadOnlyList<GeneratedMeeting> Generated { get; } = [.. ServerGenerator.Generate(Options).Where(m => !m.IsRenameStub)];

    public async ValueTask InitializeAsync()
    {
        Client = Host.CreateClient(new() { AllowAutoRedirect = false });
        await Host.WaitForRunAsync(TrackerHost.SourceName, HarvestStatus.Succeeded, TestContext.Current.CancellationToken);
    }

    public async Task<string> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return body;
    }

    public async Task<IDocument> PageAsync(string path)
        => await new HtmlParser().ParseDocumentAsync(await GetAsync(path), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await Host.DisposeAsync();
    }
}
