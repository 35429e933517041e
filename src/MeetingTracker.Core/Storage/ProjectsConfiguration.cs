using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingTracker.Core.Storage;

internal sealed class ProjectMentionConfiguration : IEntityTypeConfiguration<ProjectMention>
{
    public void Configure(EntityTypeBuilder<ProjectMention> builder)
    {
        builder.ToTable("ProjectMentions");

        // A project's page and its tickets: every mention of a key, or of one ticket of it.
        builder.HasIndex(m => new { m.ProjectKey, m.Ticket });
        builder.HasIndex(m => new { m.MeetingId, m.Line });
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
