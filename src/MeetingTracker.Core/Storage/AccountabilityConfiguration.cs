using MeetingTracker.Core.Accountability.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingTracker.Core.Storage;

internal sealed class AccountabilityEventConfiguration : IEntityTypeConfiguration<AccountabilityEvent>
{
    public void Configure(EntityTypeBuilder<AccountabilityEvent> builder)
    {
        builder.ToTable("AccountabilityEvents");
        // Said-by-people data: an account is never deleted while it said something (deletion keeps a tombstone, ADR 13).
        builder.HasOne(e => e.Account).WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.From).HasMaxLength(16);
        builder.Property(e => e.To).HasMaxLength(16);
        builder.Property(e => e.Note).HasMaxLength(EventRules.MaxNote);
        builder.Property(e => e.Link).HasMaxLength(EventRules.MaxLink);
        builder.Property(e => e.Nick).HasMaxLength(EventRules.MaxNick);
        builder.HasIndex(e => new { e.Subject, e.SubjectId });
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.AccountId);
    }
}
