using Hangfire;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Web.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Reminders;

/// <summary><c>MeetingTracker:Reminders</c>.</summary>
public sealed class RemindersOptions
{
    public const string Section = "MeetingTracker:Reminders";

    /// <summary>Whether the hourly <c>reminders</c> job runs (default: yes; mail goes to files until SMTP is configured).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The hourly <c>reminders</c> job: one <see cref="ReminderRun"/> at the current moment. Every node may run it at
/// once: the digests' unique key lets one queue each. The outbox's loop delivers what it queued.
/// </summary>
public sealed class RemindersJob(ReminderRun run, IOptionsMonitor<MeetingTrackerOptions> options, IServer server, TimeProvider clock)
{
    public const string Id = "reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var report = await run.RunAsync(new ReminderRequest(clock.GetUtcNow(), Root(options.CurrentValue, server)), cancellationToken);
        return report.Line;
    }

    /// <summary>The site's address for links in mail: <c>MeetingTracker:PublicUrl</c>, else the first address the server listens on.</summary>
    public static Uri Root(MeetingTrackerOptions options, IServer server)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(server);
        if (options.PublicUrl is { } configured) return configured;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost/";
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "localhost";
        return uri.Uri;
    }
}

/// <summary>Adds or removes the recurring <c>reminders</c> job on start (hourly, on the hour, UTC).</summary>
public sealed class RemindersScheduler(IOptions<RemindersOptions> options, IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            jobs.AddOrUpdate<RemindersJob>(RemindersJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        else
        {
            jobs.RemoveIfExists(RemindersJob.Id);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
