using MeetingTracker.Core.Harvesting;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.People;
using MeetingTracker.Web.Components.Pages.Stats;

namespace MeetingTracker.Web.Components.Pages.Teams;

public static class TeamsHostExtensions
{
    /// <summary>The queries of the team, person and statistics pages (and their API), over the digest cache (which the meeting page shares).</summary>
    public static IHostApplicationBuilder AddTeamsPeopleAndStats(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DigestCache>();
        builder.Services.AddSingleton<IMeetingsChangedHandler>(sp => sp.GetRequiredService<DigestCache>());
        builder.Services.AddSingleton<TeamQueries>();
        builder.Services.AddSingleton<TopicQueries>();
        builder.Services.AddSingleton<Projects.ProjectQueries>();
        builder.Services.AddSingleton<Projects.ItemReferences>();
        builder.Services.AddSingleton<PersonQueries>();
        builder.Services.AddSingleton<StatsQueries>();
        builder.Services.AddSingleton<AccountabilityTallies>();
        return builder;
    }
}
