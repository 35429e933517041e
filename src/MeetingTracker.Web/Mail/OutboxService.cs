using MeetingTracker.Core.Mail;

namespace MeetingTracker.Web.Mail;

/// <summary>Runs the outbox's delivery loop in the web host, after the database is migrated (registered later).</summary>
public sealed class OutboxService(OutboxSender sender) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sender.RunAsync(stoppingToken);
}
