using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingTracker.Core.Storage;

internal sealed class ReminderPreferencesConfiguration : IEntityTypeConfiguration<ReminderPreferences>
{
    public void Configure(EntityTypeBuilder<ReminderPreferences> builder)
    {
        builder.HasKey(p => p.AccountId);
        builder.HasOne<Account>().WithOne().HasForeignKey<ReminderPreferences>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.Day).HasMaxLength(12);
    }
}

internal sealed class TeamDigestSubscriptionConfiguration : IEntityTypeConfiguration<TeamDigestSubscription>
{
    public void Configure(EntityTypeBuilder<TeamDigestSubscription> builder)
    {
        builder.HasKey(s => new { s.AccountId, s.TeamId });
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestRecordConfiguration : IEntityTypeConfiguration<DigestRecord>
{
    public void Configure(EntityTypeBuilder<DigestRecord> builder)
    {
        builder.ToTable("Digests");
        builder.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.OutboxMessage).WithMany().HasForeignKey(d => d.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.Kind).HasMaxLength(40);
        builder.Property(d => d.Period).HasMaxLength(20);

        // The exactly-once key: one digest per account, kind and period, whoever composes it.
        builder.HasIndex(d => new { d.AccountId, d.Kind, d.Period }).IsUnique();
    }
}

internal sealed class ReminderTokenUseConfiguration : IEntityTypeConfiguration<ReminderTokenUse>
{
    public void Configure(EntityTypeBuilder<ReminderTokenUse> builder)
    {
        builder.HasKey(u => u.Nonce);
        builder.Property(u => u.Nonce).HasMaxLength(32);
        builder.HasOne<Account>().WithMany().HasForeignKey(u => u.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
