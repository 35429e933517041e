using MeetingTracker.Web.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Tests.Configuration;

/// <summary>How the <c>MeetingTracker</c> section binds: keys, environment variables, relative paths.</summary>
public sealed class BindingTests
{
    [Fact]
    public async Task A_location_key_overrides_the_bundled_source_and_keeps_its_name_and_schedule()
    {
        // Lists merge by index: only Location of appsettings.json's first source (sample-logs) is replaced.
        await using var host = new TrackerHost()
            .With("MeetingTracker:Sources:0:Name", null)
            .With("MeetingTracker:Sources:0:Schedule", null);
        using var client = host.CreateClient();

        var source = Assert.Single(host.Services.GetRequiredService<IOptions<MeetingTrackerOptions>>().Value.Sources);
        Assert.Equal("sample-logs", source.Name);
        Assert.Equal("*/30 * * * *", source.Schedule);
        Assert.Equal(host.LogsDir, source.Location);
    }

    [Fact]
    public void Double_underscore_environment_variables_bind_to_the_section()
    {
        // A prefix keeps this variable away from the hosts other tests start in this process.
        var prefix = "MTTEST" + Guid.NewGuid().ToString("N") + "_";
        using var contentRoot = new TempFolder();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + "MeetingTracker__DataDir"] = "state",
            [prefix + "MeetingTracker__Sources__0__Location"] = "/srv/meetbot",
            [prefix + "MeetingTracker__Sources__1__Name"] = "openstack",
            [prefix + "MeetingTracker__Sources__1__Location"] = "http://127.0.0.1:9/meetings/",
            [prefix + "MeetingTracker__Sources__1__Schedule"] = "0 * * * *",
            [prefix + "MeetingTracker__Sources__1__Exclude__0"] = "teams",
            [prefix + "MeetingTracker__Sources__1__Bots__0"] = "gribble",
            [prefix + "MeetingTracker__Sources__1__Bots__1"] = "lnd-bot",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot.Path });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MeetingTracker:Sources:0:Name"] = "sample-logs",
                ["MeetingTracker:Sources:0:Location"] = "../../sample-logs",
            });
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.AddMeetingTrackerOptions();
            using var host = builder.Build();

            var options = host.Services.GetRequiredService<IOptions<MeetingTrackerOptions>>().Value;
            Assert.Equal(Path.Combine(contentRoot.Path, "state"), options.DataDir);
            Assert.Equal(2, options.Sources.Count);
            Assert.Equal(("sample-logs", "/srv/meetbot"), (options.Sources[0].Name, options.Sources[0].Location));
            Assert.Equal(("openstack", "http://127.0.0.1:9/meetings/", "0 * * * *"), (options.Sources[1].Name, options.Sources[1].Location, options.Sources[1].Schedule));
            Assert.Equal(["teams"], options.Sources[1].Exclude);
            Assert.Equal(["gribble", "lnd-bot"], options.Sources[1].Bots);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public async Task Relative_data_folder_and_locations_are_taken_from_the_content_root()
    {
        await using var host = new TrackerHost()
            .With("MeetingTracker:Sources:0:Location", "../../sample-logs")
            .With("MeetingTracker:Sources:0:Include:0", "no-such-meeting");
        using var client = host.CreateClient();

        var options = host.Services.GetRequiredService<IOptions<MeetingTrackerOptions>>().Value;
        var contentRoot = host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        Assert.Equal(Path.GetFullPath(Path.Combine(contentRoot, "../../sample-logs")), options.Sources[0].Location);
        Assert.True(Directory.Exists(options.Sources[0].Location), "the bundled sample-logs folder, seen from the web project");
    }

    [Fact]
    public void An_empty_data_folder_means_the_default_one()
    {
        Assert.Equal(Core.Storage.StorageSetup.DefaultDataDir(), MeetingTrackerOptions.ResolveDataDir("", "/srv/app"));
        Assert.Equal("/srv/app/data", MeetingTrackerOptions.ResolveDataDir("data", "/srv/app"));
        Assert.Equal("/var/lib/mt", MeetingTrackerOptions.ResolveDataDir("/var/lib/mt", "/srv/app"));
    }
}
