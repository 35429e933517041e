using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Meetings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MeetingTracker.Core.Storage;

/// <summary>
/// The application database. Used directly (no repositories, ADR 6). It holds Identity's accounts and the Data
/// Protection keys too (ADR 13), so one migration chain and one backup cover everything people said.
/// </summary>
public sealed class TrackerDb(DbContextOptions<TrackerDb> options) : IdentityDbContext<Account>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<NickClaim> NickClaims => Set<NickClaim>();

    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Accountability.Events.AccountabilityEvent> AccountabilityEvents => Set<Accountability.Events.AccountabilityEvent>();

    public DbSet<Reminders.ReminderPreferences> ReminderPreferences => Set<Reminders.ReminderPreferences>();

    public DbSet<Reminders.TeamDigestSubscription> TeamDigests => Set<Reminders.TeamDigestSubscription>();

    public DbSet<Reminders.DigestRecord> Digests => Set<Reminders.DigestRecord>();

    public DbSet<Reminders.ReminderTokenUse> ReminderTokenUses => Set<Reminders.ReminderTokenUse>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<SourceBot> SourceBots => Set<SourceBot>();

    public DbSet<FetchedFile> Files => Set<FetchedFile>();

    public DbSet<ListingPage> ListingPages => Set<ListingPage>();

    public DbSet<HarvestRun> Runs => Set<HarvestRun>();

    public DbSet<HarvestFileOutcome> FileOutcomes => Set<HarvestFileOutcome>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<ChangeCounter> ChangeCounters => Set<ChangeCounter>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<LogLineRow> Lines => Set<LogLineRow>();

    public DbSet<Item> Items => Set<Item>();

    public DbSet<ItemOwner> ItemOwners => Set<ItemOwner>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonAlias> PersonAliases => Set<PersonAlias>();

    public DbSet<Attendance> Attendance => Set<Attendance>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamAlias> TeamAliases => Set<TeamAlias>();

    public DbSet<Projects.ProjectMention> Mentions => Set<Projects.ProjectMention>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every time is UTC; stored as a sortable integer so every provider can compare and order it (SQLite cannot
        // order DateTimeOffset text).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrackerDb).Assembly);
    }
}
