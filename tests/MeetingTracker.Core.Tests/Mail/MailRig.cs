using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Harvesting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MeetingTracker.Core.Tests.Mail;

/// <summary>A migrated SQLite database with a fake clock, and senders over it.</summary>
internal sealed class MailRig : IAsyncDisposable
{
    private readonly HarvestHost host;

    private MailRig(HarvestHost host) => this.host = host;

    public FakeTimeProvider Clock => host.Clock;

    public string DataDir => host.DataDir;

    public MailOptions Options { get; } = new() { MaxAttempts = 3 };

    public static async Task<MailRig> StartAsync(CancellationToken cancellationToken) => new(await HarvestHost.StartAsync(cancellationToken));

    public TrackerDb Db() => host.Db();

    public static SmtpDelivery Smtp(int port) => new(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = MailSecurity.None });

    public OutboxSender Sender(IMailDelivery delivery, TimeProvider? clock = null)
        => new(host.Get<IDbContextFactory<TrackerDb>>(), delivery, Options, clock ?? Clock, NullLogger<OutboxSender>.Instance);

    /// <summary>Enqueues and saves one message per recipient, as a caller of the outbox does.</summary>
    public async Task<List<long>> EnqueueAsync(CancellationToken cancellationToken, TimeProvider? clock = null, params string[] to)
    {
        await using var db = Db();
        var outbox = new Outbox(clock ?? Clock);
        var messages = to.Select(t => outbox.Enqueue(db, "test", t, $"Hello {t}", $"Plain text for {t}", $"<p>HTML for <b>{t}</b></p>")).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return [.. messages.Select(m => m.Id)];
    }

    public async Task<OutboxMessage> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = Db();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
