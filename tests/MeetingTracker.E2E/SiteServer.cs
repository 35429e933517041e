using System.Diagnostics;
using System.Net;
using System.Reflection;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.E2E;

/// <summary>
/// The web host on real Kestrel (a port the OS picks on 127.0.0.1) over a copy of the repository's sample-logs in a
/// temporary folder, harvested and indexed before the first test. In-process rather than the built app started as a
/// process: the OS-assigned port is read back from the server (no free-port race, no stdout parsing), the first
/// harvest and the index are awaited through the app's own database and indexer (no polling of pages), and disposal
/// stops everything even when a test fails.
/// </summary>
public sealed class SiteServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private const string SourceName = "sample-logs";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mt-e2e-" + Guid.NewGuid().ToString("N"));

    /// <summary>Admins by address (<c>MeetingTracker:Admins</c>): accounts the tests register under these addresses administer the site.</summary>
    public static IReadOnlyList<string> Admins { get; } = ["admin-claims@example.org", "admin-axe@example.org", "admin-actions@example.org", "admin-reminders@example.org"];

    /// <summary>The site's data folder: its database, index and the mail pickup folder.</summary>
    public string DataDir => Path.Combine(Root, "data");

    /// <summary>Where the site writes every message it sends as one <c>.eml</c> file (no SMTP host is configured).</summary>
    public string MailDir => Path.Combine(DataDir, "mail");

    private string LogsDir => Path.Combine(Root, "sample-logs");

    /// <summary>The site's root, ending with a slash: pages are relative to it, as the site's links are.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public TrackerDb Db() => Services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContext();

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Copy(SampleLogs(), LogsDir);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        await WaitForHarvestAsync(timeout.Token);
        await Services.GetRequiredService<SearchIndexer>().IndexPendingAsync(timeout.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MeetingTracker:DataDir", DataDir);
        builder.UseSetting("MeetingTracker:Sources:0:Name", SourceName);
        builder.UseSetting("MeetingTracker:Sources:0:Location", LogsDir);
        builder.UseSetting("MeetingTracker:Sources:0:Schedule", "0 3 * * *");
        for (var i = 0; i < Admins.Count; i++)
        {
            builder.UseSetting($"MeetingTracker:Admins:{i}", Admins[i]);
        }

        // The outbox is looked at every quarter second (3 s by default), so a test waits little for its mail.
        builder.UseSetting("MeetingTracker:Mail:PollInterval", "00:00:00.250");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Hangfire", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private async Task WaitForHarvestAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = Db())
            {
                var run = await db.Runs.AsNoTracking().Where(r => r.Source!.Name == SourceName && r.Status != HarvestStatus.Running)
                    .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
                if (run is not null)
                {
                    Assert.True(run.Status == HarvestStatus.Succeeded, $"the first harvest of the sample logs ended {run.Status}: {run.Error}");
                    return;
                }
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), "no harvest of the sample logs within 90 s");
            await Task.Delay(200, cancellationToken);
        }
    }

    private static string SampleLogs()
        => typeof(SiteServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleLogs").Value!;

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
