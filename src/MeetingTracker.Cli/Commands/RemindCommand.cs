using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>remind [--data DIR] [--dry-run] [--at TIME] [--account EMAIL] [--url URL]</c>: one pass of the reminders, as the
/// site's hourly job makes it. One line per digest due at that moment (address, kind, period, what became of it and
/// what it says); without <c>--dry-run</c> the due digests are queued and the outbox delivered. Ends with the line
/// <c>reminders: N queued, N already sent, N with nothing to say</c> (a contract). Exit code 0, 1 when something
/// failed (a message not delivered, an unknown account), 2 for a usage error.
/// </summary>
internal static class RemindCommand
{
    private static readonly Uri DryRunRoot = new("http://localhost/");

    // ISO 8601 as people type it: minutes or seconds (with fractions), an offset or Z (without one: UTC), or a day.
    private static readonly string[] IsoMoments =
        ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HHK", "yyyy-MM-dd"];

    private sealed record Request(DirectoryInfo Data, bool DryRun, DateTimeOffset? At, string? Account, Uri? Url);

    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var dryRun = new Option<bool>("--dry-run") { Description = "Compose and print what is due; queue and send nothing." };
        var at = new Option<DateTimeOffset?>("--at")
        {
            Description = "The moment to remind at, ISO 8601 (2026-12-07T08:00Z; without an offset: UTC). Default: now.",
            CustomParser = ParseAt,
        };
        var account = new Option<string?>("--account") { Description = "Only this account's digests (its e-mail address)." };
        var url = new Option<Uri?>("--url")
        {
            Description = $"The site's public address, under which the mail's links point. Default: ${CliConfiguration.PublicUrlVariable}.",
            CustomParser = ParseUrl,
        };
        var command = new Command("remind", "Compose the digests due now (or --at), queue them and deliver the outbox, as the site's hourly job does.")
        {
            data, dryRun, at, account, url,
        };
        command.SetAction((result, token) => ExecuteAsync(
            new Request(result.GetRequiredValue(data), result.GetValue(dryRun), result.GetValue(at), result.GetValue(account), result.GetValue(url)),
            configuration, stdout, stderr, token));
        return command;
    }

    private static async Task<int> ExecuteAsync(Request request, IConfiguration configuration, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (configured, urlError) = CliConfiguration.PublicUrl(configuration);
        if (request.Url is null && urlError is not null)
        {
            stderr.WriteLine($"meetingtracker: {urlError}");
            return CliApp.UsageError;
        }

        var root = request.Url ?? configured;
        if (root is null && !request.DryRun)
        {
            stderr.WriteLine($"meetingtracker: the digests' links need the site's public address: pass --url https://… or set {CliConfiguration.PublicUrlVariable}");
            return CliApp.UsageError;
        }

        if (!await DataOption.ExistsAsync(request.Data, configuration, cancellationToken))
        {
            return AccountServices.Fail(stderr, $"no database in {DataOption.Where(request.Data, configuration)} (import meetings and add users first, or pass --data)");
        }

        try
        {
            await using var services = await ReminderServices.OpenAsync(request.Data.FullName, configuration, configure: null, cancellationToken);
            var when = request.At ?? services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (request.DryRun)
            {
                var where = root is null ? $"{DryRunRoot} (no --url or {CliConfiguration.PublicUrlVariable})" : root.AbsoluteUri;
                stdout.WriteLine($"dry run at {Moment(when)}: nothing is queued or sent; links under {where}");
            }

            var report = await services.GetRequiredService<ReminderRun>().RunAsync(new ReminderRequest(when, root ?? DryRunRoot, request.DryRun, request.Account), cancellationToken);
            foreach (var digest in report.Digests)
            {
                stdout.WriteLine($"{digest.Email}\t{digest.Kind}\t{digest.Period}\t{Outcome(digest)}");
            }

            var exit = 0;
            if (request.Account is { } only && report.Accounts == 0)
            {
                exit = AccountServices.Fail(stderr, $"no account {only} gets digests (it needs a confirmed address and a verified nick, and must not be disabled)");
            }

            if (!request.DryRun && !await DeliverAsync(services, stdout, stderr, cancellationToken))
            {
                exit = 1;
            }

            stdout.WriteLine(report.Line);
            return exit;
        }
        catch (OptionsValidationException e)
        {
            return AccountServices.Fail(stderr, e.Message);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            return AccountServices.Fail(stderr, e.Message);
        }
    }

    /// <summary>Delivers the outbox as the site's sender does; prints what became of the messages due. False when one was not delivered.</summary>
    private static async Task<bool> DeliverAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var sender = services.GetRequiredService<OutboxSender>();
        var target = services.GetRequiredService<IMailDelivery>().Target;
        var lost = await sender.MarkLostAsync(cancellationToken);
        if (lost > 0)
        {
            stderr.WriteLine($"meetingtracker: {lost} message(s) left by a sender that stopped while handing them over: of unknown fate, not sent again");
        }

        var dbs = services.GetRequiredService<IDbContextFactory<TrackerDb>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        List<long> due;
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now).Select(m => m.Id).ToListAsync(cancellationToken);
        }

        await sender.SendDueAsync(cancellationToken);
        List<OutboxMessage> after;
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            after = await db.Outbox.AsNoTracking().Where(m => due.Contains(m.Id)).ToListAsync(cancellationToken);
        }

        var sent = after.Count(m => m.Status == OutboxStatus.Sent);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mail: {sent} of {due.Count} delivered to {target}"));
        var problems = after.Where(m => m.Status != OutboxStatus.Sent).ToList();
        foreach (var group in problems.GroupBy(m => m.Status))
        {
            var what = group.Key switch
            {
                OutboxStatus.Pending => "to be tried again",
                OutboxStatus.Failed => "failed",
                OutboxStatus.Unknown => "of unknown fate",
                _ => "being sent by another sender",
            };
            stderr.WriteLine($"meetingtracker: {group.Count()} message(s) {what}: {group.Select(m => m.LastError).LastOrDefault(e => e is not null) ?? "no error recorded"}");
        }

        return problems.All(m => m.Status == OutboxStatus.Sending);
    }

    private static string Outcome(DigestResult digest) => digest.Outcome switch
    {
        DigestOutcome.Queued => "queued: " + digest.Summary,
        DigestOutcome.WouldQueue => "would queue: " + digest.Summary,
        _ => digest.Summary,
    };

    private static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseAt(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : string.Empty;
        if (DateTimeOffset.TryParseExact(text, IsoMoments, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.ToUniversalTime();
        }

        result.AddError($"--at: '{text}' is not an ISO 8601 moment (2026-12-07T08:00Z)");
        return null;
    }

    private static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (CliConfiguration.WebUrl(text) is { } url) return url;
        result.AddError($"--url: '{text}' is not an absolute http(s) URL");
        return null;
    }
}
