using MeetingTracker.Core.Harvesting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingTracker.Core.Storage;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class SourceBotConfiguration : IEntityTypeConfiguration<SourceBot>
{
    public void Configure(EntityTypeBuilder<SourceBot> builder)
    {
        builder.HasKey(b => new { b.SourceId, b.Nick });
        builder.HasOne<Source>().WithMany().HasForeignKey(b => b.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FetchedFileConfiguration : IEntityTypeConfiguration<FetchedFile>
{
    public void Configure(EntityTypeBuilder<FetchedFile> builder)
    {
        builder.HasIndex(f => new { f.SourceId, f.Path }).IsUnique();

        // Covers what a harvest reads of every stored file (all but the body and the error), so an unchanged
        // re-harvest reads a few megabytes of index instead of a table page per file (rows hold the bodies).
        builder.HasIndex(f => new { f.SourceId, f.Path, f.Length, f.LastModified, f.ETag, f.Sha256, f.ParserVersion, f.MeetingId }).HasDatabaseName("IX_Files_Validators");
        builder.HasIndex(f => f.MeetingId);
        builder.HasOne<Source>().WithMany().HasForeignKey(f => f.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Meeting).WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ListingPageConfiguration : IEntityTypeConfiguration<ListingPage>
{
    public void Configure(EntityTypeBuilder<ListingPage> builder)
    {
        builder.HasIndex(p => new { p.SourceId, p.Path }).IsUnique();
        builder.HasOne<Source>().WithMany().HasForeignKey(p => p.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HarvestRunConfiguration : IEntityTypeConfiguration<HarvestRun>
{
    public void Configure(EntityTypeBuilder<HarvestRun> builder)
    {
        builder.HasIndex(r => new { r.SourceId, r.StartedAt });
        builder.HasMany(r => r.Outcomes).WithOne().HasForeignKey(o => o.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
