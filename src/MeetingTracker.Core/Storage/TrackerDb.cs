using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MeetingTracker.Core.Storage;

/// <summary>The application database. Used directly (no repositories, ADR 6).</summary>
public sealed class TrackerDb(DbContextOptions<TrackerDb> options) : DbContext(options)
{
    public DbSet<Source> Sources => Set<Source>();

    public DbSet<SourceBot> SourceBots => Set<SourceBot>();

    public DbSet<FetchedFile> Files => Set<FetchedFile>();

    public DbSet<ListingPage> ListingPages => Set<ListingPage>();

    public DbSet<HarvestRun> Runs => Set<HarvestRun>();

    public DbSet<HarvestFileOutcome> FileOutcomes => Set<HarvestFileOutcome>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<LogLineRow> Lines => Set<LogLineRow>();

    public DbSet<Item> Items => Set<Item>();

    public DbSet<ItemOwner> ItemOwners => Set<ItemOwner>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonAlias> PersonAliases => Set<PersonAlias>();

    public DbSet<Attendance> Attendance => Set<Attendance>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamAlias> TeamAliases => Set<TeamAlias>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every time is UTC; stored as a sortable integer so every provider can compare and order it (SQLite cannot
        // order DateTimeOffset text).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrackerDb).Assembly);
    }
}
