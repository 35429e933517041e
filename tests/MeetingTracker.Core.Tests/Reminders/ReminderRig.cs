using System.Globalization;
using System.Text;
using MeetingTracker.Cli.Commands;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MeetingTracker.Core.Tests.Reminders;

/// <summary>
/// A data folder with meetings harvested from meetbot logs the test writes, accounts (confirmed, with a verified nick
/// claim of a person of the logs) and what people said about actions; the reminders' services over it, wired as the
/// command line wires them (Data Protection keys in the database), with a fake clock for time only.
/// </summary>
internal sealed class ReminderRig : IAsyncDisposable
{
    public static readonly Uri Root = new("https://meet.example.org/");

    /// <summary>Before every slot the tests use: accounts made then get their first digests.</summary>
    public static readonly DateTimeOffset AccountsCreated = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDir tree = new();
    private readonly TempDir? ownedData;
    private readonly ServiceProvider services;

    private ReminderRig(TempDir? ownedData, string dataDir, FakeTimeProvider clock, ServiceProvider services)
    {
        this.ownedData = ownedData;
        DataDir = dataDir;
        Clock = clock;
        this.services = services;
    }

    public FakeTimeProvider Clock { get; }

    public string DataDir { get; }

    public static Task<ReminderRig> StartAsync(CancellationToken cancellationToken) => OpenAsync(null, cancellationToken);

    /// <summary>Another rig over the same data folder: another process's or node's services.</summary>
    public static Task<ReminderRig> OverAsync(ReminderRig other, CancellationToken cancellationToken) => OpenAsync(other.DataDir, cancellationToken);

    private static async Task<ReminderRig> OpenAsync(string? dataDir, CancellationToken cancellationToken)
    {
        var owned = dataDir is null ? new TempDir() : null;
        var path = dataDir ?? owned!.Path;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var services = await ReminderServices.OpenAsync(path, CliConfiguration.Build(TestDatabase.Settings(path, "__").ToDictionary()), s => s.AddSingleton<TimeProvider>(clock), cancellationToken);
        return new ReminderRig(owned, path, clock, services);
    }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public TrackerDb Db() => services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContext();

    public ReminderTokens Tokens => Get<ReminderTokens>();

    /// <summary>
    /// Writes a meeting of <paramref name="team"/> at <paramref name="start"/>: the chair starts it, everyone says hello,
    /// the chair types each command (<c>#action alice to …</c>), one a second.
    /// </summary>
    public void Meeting(string team, DateTimeOffset start, string chair, IEnumerable<string> present, params string[] commands)
    {
        var day = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var log = new StringBuilder();
        var at = start;
        void Line(string nick, string text)
        {
            log.Append(at.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(" <").Append(nick).Append("> ").Append(text).Append('\n');
            at = at.AddSeconds(1);
        }

        Line(chair, "#startmeeting " + team);
        Line(chair, "#meetingname " + team);
        foreach (var nick in present) Line(nick, "hello");
        foreach (var command in commands) Line(chair, command);
        Line(chair, "#endmeeting");
        tree.Write($"meetings/{day}/{team}.{day}-{start:HH.mm}.log.txt", log.ToString());
    }

    public async Task HarvestAsync(CancellationToken cancellationToken)
    {
        var summary = await Get<Harvester>().HarvestAsync(new SourceOptions { Name = "rig", Location = tree.Path, RequestsPerSecond = 0 }, null, cancellationToken);
        Assert.Equal(HarvestStatus.Succeeded, summary.Status);
        Assert.Equal(0, summary.Failed);
    }

    /// <summary>Confirmed accounts (created <see cref="AccountsCreated"/>), each with a verified claim of the person using its nick; their ids.</summary>
    public async Task<List<string>> AccountsAsync(CancellationToken cancellationToken, params (string Email, string Nick)[] accounts)
    {
        await using var db = Db();
        var people = await db.PersonAliases.AsNoTracking().ToDictionaryAsync(a => a.Nick, a => a.PersonId, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var ids = new List<string>();
        foreach (var (email, nick) in accounts)
        {
            var account = new Account
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = nick, CreatedAt = AccountsCreated, SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(account);
            db.NickClaims.Add(new NickClaim
            {
                AccountId = account.Id, PersonId = people[nick], Nick = nick, Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin,
                CreatedAt = AccountsCreated, DecidedAt = AccountsCreated,
            });
            ids.Add(account.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ids;
    }

    public async Task<string> AccountAsync(string email, string nick, CancellationToken cancellationToken)
        => (await AccountsAsync(cancellationToken, (email, nick)))[0];

    /// <summary>Sets an account's preferences (changed at <see cref="AccountsCreated"/>).</summary>
    public async Task PreferAsync(string accountId, DigestFrequency frequency, CancellationToken cancellationToken, string zone = "UTC", int hour = 8, DayOfWeek day = DayOfWeek.Monday)
    {
        await using var db = Db();
        db.ReminderPreferences.Add(new ReminderPreferences { AccountId = accountId, Frequency = frequency, TimeZone = zone, Hour = hour, Day = day, UpdatedAt = AccountsCreated });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The id of the chain whose text is <paramref name="text"/>.</summary>
    public async Task<int> ChainAsync(string text, CancellationToken cancellationToken)
    {
        var snapshot = await Get<AccountabilityService>().SnapshotAsync(cancellationToken);
        return snapshot.Actions.Single(c => c.Text == text).Id;
    }

    /// <summary>Appends what someone said about an action, as the site stores it.</summary>
    public async Task SayAsync(string accountId, int chainId, EventKind kind, DateTimeOffset at, CancellationToken cancellationToken, string? to = null, string? note = null, DateOnly? due = null)
    {
        await using var db = Db();
        db.AccountabilityEvents.Add(new AccountabilityEvent { Subject = EventSubject.Action, SubjectId = chainId, Kind = kind, At = at, AccountId = accountId, To = to, Note = note, DueDate = due });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<ReminderReport> RunAsync(DateTimeOffset at, CancellationToken cancellationToken, bool dryRun = false, string? account = null)
        => Get<ReminderRun>().RunAsync(new ReminderRequest(at, Root, dryRun, account), cancellationToken);

    /// <summary>A sender of the outbox over <paramref name="delivery"/>, on the fake clock.</summary>
    public OutboxSender Sender(IMailDelivery delivery)
        => new(Get<IDbContextFactory<TrackerDb>>(), delivery, new MailOptions(), Clock, NullLogger<OutboxSender>.Instance);

    public static SmtpDelivery Smtp(int port) => new(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = MailSecurity.None });

    public async Task<List<OutboxMessage>> OutboxAsync(CancellationToken cancellationToken)
    {
        await using var db = Db();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    public async Task<List<DigestRecord>> DigestsAsync(CancellationToken cancellationToken)
    {
        await using var db = Db();
        return await db.Digests.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (ownedData is not null)
        {
            SqliteConnection.ClearAllPools();
            ownedData.Dispose();
        }

        tree.Dispose();
    }
}
