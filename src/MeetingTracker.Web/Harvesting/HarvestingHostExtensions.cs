using MeetingTracker.Core.Harvesting;
using MeetingTracker.Web.Configuration;

namespace MeetingTracker.Web.Harvesting;

public static class HarvestingHostExtensions
{
    /// <summary>Storage and the harvester in the configured data folder and database, migrated when the host starts.</summary>
    public static IHostApplicationBuilder AddHarvestingHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHarvesting(builder.MeetingTrackerDataDir(), builder.MeetingTrackerDatabase());
        builder.Services.AddOptions<Core.Projects.ReferenceOptions>().BindConfiguration(Core.Projects.ReferenceOptions.Section);

        // Hosted services start in registration order: this one first, so nothing reads an old schema.
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }
}
