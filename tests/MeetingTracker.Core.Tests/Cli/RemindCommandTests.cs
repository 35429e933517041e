using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Tests.Mail;
using MeetingTracker.Core.Tests.Reminders;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary>
/// <c>meetingtracker remind</c> in-process over a data folder of the reminder rig, its mail going to a real SMTP server
/// on 127.0.0.1 through the web host's environment variables: a line per digest, the outbox delivered, the reminders
/// line last; a dry run queues nothing; a second run says already sent; usage errors exit 2, failures 1.
/// </summary>
public sealed class RemindCommandTests
{
    private const string At = "2026-12-07T08:00Z";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Dictionary<string, string?> Smtp(int port, string? publicUrl = "https://meet.example.org/") => new(StringComparer.Ordinal)
    {
        ["MeetingTracker__Mail__Smtp__Host"] = "127.0.0.1",
        ["MeetingTracker__Mail__Smtp__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MeetingTracker__Mail__Smtp__Security"] = "None",
        ["MeetingTracker__Mail__From"] = "Reminders <reminders@meet.example.org>",
        ["MeetingTracker__PublicUrl"] = publicUrl ?? string.Empty,
    };

    [Fact]
    public async Task A_dry_run_then_a_run_then_another_print_each_digest_and_end_with_the_reminders_line()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        await ReminderScenario.BuildAsync(rig, Ct);
        await using var smtp = await TestSmtpServer.StartAsync(Ct);
        var environment = Smtp(smtp.Port);

        var dry = CliRunner.RunWith(environment, "remind", "--data", rig.DataDir, "--dry-run", "--at", At);

        Assert.Equal((0, string.Empty), (dry.Exit, dry.Stderr));
        Assert.Equal(
            [
                "dry run at 2026-12-07T08:00:00Z: nothing is queued or sent; links under https://meet.example.org/",
                "alice@example.org\tdigest\t2026-12-07\twould queue: 2 overdue, 1 coming due, 1 need help, 1 offers of help, 2 new",
                "carol@example.org\tdigest\t2026-12-07\twould queue: 1 coming due",
                "dana@example.org\tdigest\t2026-12-07\twould queue: 1 need help",
                "frank@example.org\tdigest\t2026-12-07\tnothing to say",
                "reminders (dry run): 3 would be queued, 0 already sent, 1 with nothing to say",
            ],
            CliRunner.Lines(dry.Stdout));
        Assert.Empty(await rig.OutboxAsync(Ct));
        Assert.Empty(await rig.DigestsAsync(Ct));

        var run = CliRunner.RunWith(environment, "remind", "--data", rig.DataDir, "--at", At);

        Assert.Equal((0, string.Empty), (run.Exit, run.Stderr));
        Assert.Equal(
            [
                "alice@example.org\tdigest\t2026-12-07\tqueued: 2 overdue, 1 coming due, 1 need help, 1 offers of help, 2 new",
                "carol@example.org\tdigest\t2026-12-07\tqueued: 1 coming due",
                "dana@example.org\tdigest\t2026-12-07\tqueued: 1 need help",
                "frank@example.org\tdigest\t2026-12-07\tnothing to say",
                $"mail: 3 of 3 delivered to smtp://127.0.0.1:{smtp.Port} (None)",
                "reminders: 3 queued, 0 already sent, 1 with nothing to say",
            ],
            CliRunner.Lines(run.Stdout));
        Assert.Equal(3, smtp.Received.Count);
        Assert.All(await rig.OutboxAsync(Ct), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var alice = smtp.Received.Single(m => m.To.Mailboxes.Single().Address == "alice@example.org");
        Assert.Equal("reminders@meet.example.org", alice.From.Mailboxes.Single().Address);
        Assert.StartsWith("<https://meet.example.org/reminders/unsubscribe/one-click?t=", alice.Headers["List-Unsubscribe"], StringComparison.Ordinal);

        // The command line signs with the key ring in the database: the site (here the rig's own services) reads its links.
        var unsubscribe = alice.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.NotNull(rig.Tokens.ReadUnsubscribe(Uri.UnescapeDataString(unsubscribe[(unsubscribe.IndexOf("?t=", StringComparison.Ordinal) + 3)..])));

        var again = CliRunner.RunWith(environment, "remind", "--data", rig.DataDir, "--at", "2026-12-07T09:00:00+01:00");

        Assert.Equal((0, string.Empty), (again.Exit, again.Stderr));
        Assert.Equal(
            [
                "alice@example.org\tdigest\t2026-12-07\talready sent (7 items)",
                "carol@example.org\tdigest\t2026-12-07\talready sent (1 items)",
                "dana@example.org\tdigest\t2026-12-07\talready sent (1 items)",
                "frank@example.org\tdigest\t2026-12-07\tnothing to say",
                $"mail: 0 of 0 delivered to smtp://127.0.0.1:{smtp.Port} (None)",
                "reminders: 0 queued, 3 already sent, 1 with nothing to say",
            ],
            CliRunner.Lines(again.Stdout));
        Assert.Equal(3, smtp.Received.Count);
    }

    [Fact]
    public async Task Links_need_an_address_an_account_must_get_digests_and_bad_arguments_are_usage_errors()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        await ReminderScenario.BuildAsync(rig, Ct);
        using var empty = new TempDir();
        TestDatabase.Unmigrated(empty.Path);
        var noUrl = Smtp(TestSmtpServer.FreePort(), publicUrl: null);

        var real = CliRunner.RunWith(noUrl, "remind", "--data", rig.DataDir, "--at", At);
        var dry = CliRunner.RunWith(noUrl, "remind", "--data", rig.DataDir, "--at", At, "--dry-run", "--account", "ALICE@example.org");
        var longerDue = CliRunner.RunWith(new Dictionary<string, string?>(noUrl) { ["MeetingTracker__Accountability__DueDays"] = "30" }, "remind", "--data", rig.DataDir, "--at", At, "--dry-run", "--account", "alice@example.org");
        var flag = CliRunner.RunWith(noUrl, "remind", "--data", rig.DataDir, "--at", At, "--dry-run", "--url", "https://tracker.example.net/base");
        var nobody = CliRunner.RunWith(noUrl, "remind", "--data", rig.DataDir, "--at", At, "--dry-run", "--account", "nobody@example.org");
        var badAt = CliRunner.RunWith(noUrl, "remind", "--data", rig.DataDir, "--at", "07/12/2026 08:00", "--dry-run");
        var badUrl = CliRunner.RunWith(noUrl, "remind", "--data", rig.DataDir, "--url", "ftp://example.org/", "--dry-run");
        var badEnvironment = CliRunner.RunWith(Smtp(1, publicUrl: "meet.example.org"), "remind", "--data", rig.DataDir, "--at", At);
        var noDatabase = CliRunner.RunWith(noUrl, "remind", "--data", empty.Path, "--at", At, "--dry-run");

        Assert.Equal(2, real.Exit);
        Assert.Contains("pass --url https://… or set MeetingTracker__PublicUrl", real.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, dry.Exit);
        Assert.Equal(
            [
                "dry run at 2026-12-07T08:00:00Z: nothing is queued or sent; links under http://localhost/ (no --url or MeetingTracker__PublicUrl)",
                "alice@example.org\tdigest\t2026-12-07\twould queue: 2 overdue, 1 coming due, 1 need help, 1 offers of help, 2 new",
                "reminders (dry run): 1 would be queued, 0 already sent, 0 with nothing to say",
            ],
            CliRunner.Lines(dry.Stdout));
        Assert.Equal(
            "alice@example.org\tdigest\t2026-12-07\twould queue: 1 coming due, 1 need help, 1 offers of help, 2 new",
            CliRunner.Lines(longerDue.Stdout)[1]);
        Assert.Equal(0, flag.Exit);
        Assert.StartsWith("dry run at 2026-12-07T08:00:00Z: nothing is queued or sent; links under https://tracker.example.net/base\n", flag.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(1, nobody.Exit);
        Assert.Equal("meetingtracker: no account nobody@example.org gets digests (it needs a confirmed address and a verified nick, and must not be disabled)", nobody.Stderr.TrimEnd());
        Assert.Equal("reminders (dry run): 0 would be queued, 0 already sent, 0 with nothing to say", CliRunner.Lines(nobody.Stdout)[^1]);
        Assert.Equal(2, badAt.Exit);
        Assert.Contains("--at: '07/12/2026 08:00' is not an ISO 8601 moment", badAt.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, badUrl.Exit);
        Assert.Equal(2, badEnvironment.Exit);
        Assert.Contains("MeetingTracker__PublicUrl is not an absolute http(s) URL: meet.example.org", badEnvironment.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, noDatabase.Exit);
        Assert.False(TestDatabase.IsSetUp(empty.Path));
        Assert.Empty(await rig.OutboxAsync(Ct));
        Assert.Empty(await rig.DigestsAsync(Ct));
    }

    [Fact]
    public async Task When_the_mail_server_is_down_the_digests_stay_queued_for_the_sender_and_the_run_fails()
    {
        await using var rig = await ReminderRig.StartAsync(Ct);
        await ReminderScenario.BuildAsync(rig, Ct);

        var run = CliRunner.RunWith(Smtp(TestSmtpServer.FreePort()), "remind", "--data", rig.DataDir, "--at", At);

        Assert.Equal(1, run.Exit);
        var lines = CliRunner.Lines(run.Stdout);
        Assert.Matches("^mail: 0 of 3 delivered to smtp://127\\.0\\.0\\.1:[0-9]+ \\(None\\)$", lines[^2]);
        Assert.Equal("reminders: 3 queued, 0 already sent, 1 with nothing to say", lines[^1]);
        Assert.StartsWith("meetingtracker: 3 message(s) to be tried again: could not connect to smtp://127.0.0.1:", run.Stderr, StringComparison.Ordinal);
        var outbox = await rig.OutboxAsync(Ct);
        Assert.All(outbox, m => Assert.Equal((OutboxStatus.Pending, 1), (m.Status, m.Attempts)));

        // Bad mail settings are named, and nothing is composed.
        var bad = CliRunner.RunWith(new Dictionary<string, string?>(Smtp(25)) { ["MeetingTracker__Mail__From"] = "not an address" }, "remind", "--data", rig.DataDir, "--at", "2026-12-08T08:00Z");
        Assert.Equal(1, bad.Exit);
        Assert.Contains("MeetingTracker:Mail:From is not an e-mail address.", bad.Stderr, StringComparison.Ordinal);
        var dueDays = CliRunner.RunWith(new Dictionary<string, string?>(Smtp(25)) { ["MeetingTracker__Accountability__DueDays"] = "0" }, "remind", "--data", rig.DataDir, "--at", "2026-12-08T08:00Z");
        Assert.Equal(1, dueDays.Exit);
        Assert.Equal("meetingtracker: invalid MeetingTracker:Accountability options (DueDays and FollowUpDays: 1 to 3650)", dueDays.Stderr.TrimEnd());
        await using var db = rig.Db();
        Assert.Equal(4, await db.Digests.CountAsync(Ct));
    }
}
