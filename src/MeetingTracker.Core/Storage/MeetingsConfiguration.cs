using MeetingTracker.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingTracker.Core.Storage;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasIndex(m => new { m.SourceId, m.Folder, m.MeetingKey }).IsUnique();
        builder.HasIndex(m => m.StartedAt);
        // The catch-up of every node's index: MAX(Change) every few seconds, then the meetings beyond its mark.
        builder.HasIndex(m => m.Change);

        // The data stamp's MAX(ReadAt), read every second by the page cache and the accountability snapshot, and the
        // meetings read since a time: a look-up instead of a scan.
        builder.HasIndex(m => m.ReadAt);
        builder.HasIndex(m => new { m.TeamId, m.StartedAt });
        builder.HasMany(m => m.Topics).WithOne().HasForeignKey(t => t.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Lines).WithOne().HasForeignKey(l => l.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Items).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    // One row, there from the start: every write takes the next number from it (ChangeNumbers).
    public void Configure(EntityTypeBuilder<ChangeCounter> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasData(new ChangeCounter { Id = ChangeCounter.TheRow, Value = ChangeCounter.Start });
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder) => builder.HasIndex(t => new { t.MeetingId, t.Ordinal }).IsUnique();
}

internal sealed class LogLineConfiguration : IEntityTypeConfiguration<LogLineRow>
{
    public void Configure(EntityTypeBuilder<LogLineRow> builder)
    {
        builder.ToTable("LogLines");
        builder.HasKey(l => new { l.MeetingId, l.Number });
        builder.HasIndex(l => l.PersonId);
    }
}

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> builder)
    {
        builder.HasIndex(i => new { i.MeetingId, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.Kind, i.Time });
        builder.HasMany(i => i.Owners).WithOne().HasForeignKey(o => o.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(i => i.Vote, vote =>
        {
            vote.Property(v => v.Question).HasColumnName("VoteQuestion");
            vote.Property(v => v.Outcome).HasColumnName("VoteOutcome").HasMaxLength(16);
            vote.Property(v => v.For).HasColumnName("VoteFor");
            vote.Property(v => v.Against).HasColumnName("VoteAgainst");
            vote.Property(v => v.Abstained).HasColumnName("VoteAbstained");
            vote.Property(v => v.Voters).HasColumnName("VoteVoters");
            vote.Property(v => v.ResultsStatement).HasColumnName("VoteResultsStatement");
        });
    }
}

internal sealed class ItemOwnerConfiguration : IEntityTypeConfiguration<ItemOwner>
{
    public void Configure(EntityTypeBuilder<ItemOwner> builder)
    {
        builder.HasKey(o => new { o.ItemId, o.PersonId });
        builder.HasOne(o => o.Person).WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonAliasConfiguration : IEntityTypeConfiguration<PersonAlias>
{
    public void Configure(EntityTypeBuilder<PersonAlias> builder)
    {
        builder.HasIndex(a => a.Nick).IsUnique();
        builder.HasOne(a => a.Person).WithMany(p => p.Aliases).HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.HasKey(a => new { a.MeetingId, a.Nick });
        builder.HasIndex(a => a.PersonId);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder) => builder.HasIndex(t => t.Key).IsUnique();
}

internal sealed class TeamAliasConfiguration : IEntityTypeConfiguration<TeamAlias>
{
    public void Configure(EntityTypeBuilder<TeamAlias> builder)
    {
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasOne(a => a.Team).WithMany(t => t.Aliases).HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
