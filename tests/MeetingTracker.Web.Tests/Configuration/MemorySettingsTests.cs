using System.Text.Json;
using MeetingTracker.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Tests.Configuration;

/// <summary>
/// The settings that keep the web host within issue 14's 400 MB (ADR 17): what the host runs with unless configured
/// otherwise, and that configuration still overrides them.
/// </summary>
public sealed class MemorySettingsTests
{
    [Fact]
    public async Task The_web_host_reads_its_index_without_memory_maps_and_with_a_small_writer_buffer()
    {
        await using var host = new TrackerHost();
        using var client = host.CreateClient();

        var options = host.Services.GetRequiredService<IOptions<SearchIndexOptions>>().Value;
        Assert.False(options.MapFiles);
        Assert.Equal(16, options.WriteBufferMB);
        Assert.False(host.Services.GetRequiredService<SearchIndex>().MapsFiles);
    }

    [Fact]
    public async Task Configuration_maps_the_index_again()
    {
        await using var host = new TrackerHost().With("MeetingTracker:Search:MapFiles", "true");
        using var client = host.CreateClient();

        Assert.True(host.Services.GetRequiredService<SearchIndex>().MapsFiles);
        var answer = await client.GetAsync(new Uri("/search?q=mirror", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public void The_runtime_runs_the_host_without_dynamic_PGO_and_conserving_memory()
    {
        // The settings the SDK writes next to the host for `dotnet run` and for a published node alike.
        var config = Path.Combine(AppContext.BaseDirectory, "MeetingTracker.Web.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal(9, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }
}
