using MeetingTracker.Core.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace MeetingTracker.Core.Tests.Mail;

public sealed class OutboxSenderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_smtp_each_message_is_one_eml_file_in_the_pickup_folder_that_MimeKit_reads_back()
    {
        await using var rig = await MailRig.StartAsync(Ct);
        var folder = Path.Combine(rig.DataDir, "mail");
        var ids = await rig.EnqueueAsync(Ct, null, "ada@example.org", "bob@example.org");
        var sender = rig.Sender(new PickupFolderDelivery(folder, rig.Clock));

        Assert.Equal(2, await sender.SendDueAsync(Ct));
        Assert.Equal(0, await sender.SendDueAsync(Ct));

        var files = System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids.Select(id => Path.Combine(folder, $"20261124-120000-{id}.eml")), files);
        var ada = await MimeMessage.LoadAsync(files[0], Ct);
        Assert.Equal("ada@example.org", ada.To.Mailboxes.Single().Address);
        Assert.Equal("Hello ada@example.org", ada.Subject);
        Assert.IsType<MultipartAlternative>(ada.Body);
        Assert.Contains("Plain text for ada@example.org", ada.TextBody, StringComparison.Ordinal);
        Assert.Contains("HTML for", ada.HtmlBody, StringComparison.Ordinal);
        foreach (var id in ids)
        {
            Assert.Equal(OutboxStatus.Sent, (await rig.GetAsync(id, Ct)).Status);
        }
    }

    [Fact]
    public async Task A_message_left_sending_by_a_crash_becomes_unknown_is_reported_and_is_never_sent_again()
    {
        await using var rig = await MailRig.StartAsync(Ct);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        var id = (await rig.EnqueueAsync(Ct, null, "ada@example.org")).Single();

        // What a sender that died after marking the message leaves behind.
        await using (var db = rig.Db())
        {
            var crashed = await db.Outbox.SingleAsync(m => m.Id == id, Ct);
            (crashed.Status, crashed.Attempts, crashed.NextAttemptAt) = (OutboxStatus.Sending, 1, rig.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        var sender = rig.Sender(MailRig.Smtp(smtp.Port));
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await sender.MarkLostAsync(Ct)); // another node may still be sending it
        Assert.Equal(0, await sender.SendDueAsync(Ct));

        rig.Clock.Advance(rig.Options.SendingTimeout);
        Assert.Equal(1, await sender.MarkLostAsync(Ct));
        rig.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await sender.SendDueAsync(Ct));
        Assert.Equal(0, await sender.MarkLostAsync(Ct));

        Assert.Empty(smtp.Received);
        var row = await rig.GetAsync(id, Ct);
        Assert.Equal(OutboxStatus.Unknown, row.Status);
        Assert.Contains("may or may not have been delivered", row.LastError, StringComparison.Ordinal);

        await using var reportDb = rig.Db();
        var report = await OutboxReport.LoadAsync(reportDb, 10, Ct);
        Assert.Equal(1, report.Counts[OutboxStatus.Unknown]);
        Assert.Equal(0, report.Counts[OutboxStatus.Sent]);
        var problem = Assert.Single(report.Problems);
        Assert.Equal((id, "ada@example.org", OutboxStatus.Unknown), (problem.Id, problem.To, problem.Status));
        Assert.Null(report.OldestPendingAt);
    }

    [Fact]
    public async Task The_report_counts_messages_by_status_and_lists_the_latest_problems_first()
    {
        await using var rig = await MailRig.StartAsync(Ct);
        var ids = await rig.EnqueueAsync(Ct, null, "a@example.org", "b@example.org", "not an address", "d@example.org");
        await using (var db = rig.Db())
        {
            await db.Outbox.Where(m => m.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent), Ct);
            await db.Outbox.Where(m => m.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, "550 no"), Ct);
        }

        // The bad address fails at once, without reaching any server.
        await rig.Sender(MailRig.Smtp(TestSmtpServer.FreePort())).SendDueAsync(Ct);

        await using var reportDb = rig.Db();
        var report = await OutboxReport.LoadAsync(reportDb, 10, Ct);
        Assert.Equal((1, 0, 2, 1), (report.Counts[OutboxStatus.Sent], report.Counts[OutboxStatus.Sending], report.Counts[OutboxStatus.Failed], report.Counts[OutboxStatus.Pending]));
        Assert.Equal([ids[2], ids[1]], report.Problems.Select(p => p.Id));
        Assert.Contains("not an address", report.Problems[0].LastError, StringComparison.Ordinal);
        Assert.Equal(rig.Clock.GetUtcNow(), report.OldestPendingAt);
    }

    [Fact]
    public async Task The_running_loop_delivers_what_is_enqueued_within_a_few_polls()
    {
        await using var rig = await MailRig.StartAsync(Ct);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        rig.Options.PollInterval = TimeSpan.FromMilliseconds(100);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = rig.Sender(MailRig.Smtp(smtp.Port), TimeProvider.System).RunAsync(stop.Token);

        var id = (await rig.EnqueueAsync(Ct, TimeProvider.System, "ada@example.org")).Single();
        for (var i = 0; i < 200 && smtp.Received.IsEmpty; i++)
        {
            await Task.Delay(50, Ct);
        }

        await stop.CancelAsync();
        await loop;
        Assert.Single(smtp.Received);
        Assert.Equal(OutboxStatus.Sent, (await rig.GetAsync(id, Ct)).Status);
    }
}
