extern alias loggen;

using System.Diagnostics;
using System.Net;
using loggen::MeetingTracker.LogGen.Generation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests;

/// <summary>
/// The web host over a temporary data folder and one folder source, <c>gen</c>, holding a small generated meetbot
/// server. Settings are in-memory configuration keys (<see cref="With"/>); each host has its own Hangfire storage.
/// </summary>
public sealed class TrackerHost : WebApplicationFactory<Program>
{
    public const string SourceName = "gen";

    private readonly Dictionary<string, string?> settings;

    public TrackerHost(GeneratorOptions? logs = null)
        : this(null, logs)
    {
    }

    /// <summary>
    /// A host over the folders of one that stopped (<paramref name="root"/>, kept by <see cref="KeepFiles"/>): the same
    /// data and logs, as a restarted process finds them.
    /// </summary>
    public TrackerHost(string? root, GeneratorOptions? logs = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "mt-web-" + Guid.NewGuid().ToString("N"));
        Logs = logs ?? new GeneratorOptions { Teams = 2, Weeks = 3 };
        if (root is null)
        {
            Directory.CreateDirectory(LogsDir);
            ServerGenerator.WriteTo(LogsDir, Logs, CancellationToken.None);
        }

        settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["MeetingTracker:DataDir"] = DataDir,
            ["MeetingTracker:Sources:0:Name"] = SourceName,
            ["MeetingTracker:Sources:0:Location"] = LogsDir,
            ["MeetingTracker:Sources:0:Schedule"] = "0 3 * * *",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Hangfire"] = "Warning",
        };
        foreach (var (key, value) in TestDatabase.Settings(DataDir)) settings[key] = value;
    }

    public string Root { get; }

    /// <summary>Leave the folders when disposed (a test restarts a host over them, then disposes that one).</summary>
    public bool KeepFiles { get; set; }

    public string DataDir => Path.Combine(Root, "data");

    public string LogsDir => Path.Combine(Root, "logs");

    public GeneratorOptions Logs { get; }

    /// <summary>Sets a configuration key before the host starts; null leaves the key to appsettings.json.</summary>
    public TrackerHost With(string key, string? value)
    {
        if (value is null)
        {
            settings.Remove(key);
        }
        else
        {
            settings[key] = value;
        }

        return this;
    }

    public TrackerDb Db() => Services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContext();

    /// <summary>
    /// Waits until the database holds a run of <paramref name="source"/> with <paramref name="status"/>; the bound
    /// is generous (a slow machine), never a measure of speed.
    /// </summary>
    public async Task<HarvestRun> WaitForRunAsync(string source, HarvestStatus status, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = Db())
            {
                var run = await db.Runs.AsNoTracking().Include(r => r.Outcomes)
                    .Where(r => r.Source!.Name == source && r.Status == status)
                    .OrderByDescending(r => r.Id)
                    .FirstOrDefaultAsync(cancellationToken);
                if (run is not null)
                {
                    return run;
                }
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(180), $"no {status} run of '{source}' within 180 s");
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>
    /// Runs the source's harvest job now, as the scheduler would, until a run that began after this call has succeeded:
    /// the job ends quietly when another harvest of the source holds its lock (one the host started, say), so a
    /// single call may harvest nothing. The bound is generous, never a measure of speed.
    /// </summary>
    public async Task HarvestNowAsync(CancellationToken cancellationToken)
    {
        int before;
        await using (var db = Db())
        {
            before = await db.Runs.Where(r => r.Source!.Name == SourceName).Select(r => (int?)r.Id).MaxAsync(cancellationToken) ?? 0;
        }

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await Services.GetRequiredService<Web.Jobs.HarvestJob>().RunAsync(SourceName, cancellationToken);
            await using (var db = Db())
            {
                if (await db.Runs.AnyAsync(r => r.Source!.Name == SourceName && r.Id > before && r.Status == HarvestStatus.Succeeded, cancellationToken)) return;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(120), $"no run of '{SourceName}' succeeded within 120 s");
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>The client address every request seems to come from (TestServer requests have none).</summary>
    public IPAddress? RemoteAddress { get; set; } = IPAddress.Loopback;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(this)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!KeepFiles) TestDatabase.Drop(DataDir);
        if (!KeepFiles && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private sealed class RemoteAddressFilter(TrackerHost host) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = host.RemoteAddress;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
