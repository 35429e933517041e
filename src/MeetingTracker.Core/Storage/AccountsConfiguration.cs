using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingTracker.Core.Storage;

internal sealed class NickClaimConfiguration : IEntityTypeConfiguration<NickClaim>
{
    public void Configure(EntityTypeBuilder<NickClaim> builder)
    {
        builder.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        // A person is never deleted while a claim names it (merges move claims first): said-by-people data stays.
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Nick).HasMaxLength(200);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.HasIndex(c => new { c.PersonId, c.Status });
        builder.HasIndex(c => c.AccountId);
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.HasOne(t => t.Account).WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => new { t.AccountId, t.Name }).IsUnique();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder) => builder.Property(a => a.DisplayName).HasMaxLength(100);
}
