using MeetingTracker.Core.Accountability;
using MeetingTracker.Web.Components.Pages.Help;
using MeetingTracker.Web.Components.Pages.Ideas;

namespace MeetingTracker.Web.Components.Pages.Actions;

public static class AccountabilityHostExtensions
{
    /// <summary>
    /// Action chains and idea trails (options from <c>MeetingTracker:Accountability</c>) and the queries of the
    /// actions, ideas and home pages and their API.
    /// </summary>
    public static IHostApplicationBuilder AddAccountabilityPages(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAccountability().BindConfiguration(AccountabilityOptions.Section);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ActionStandings>();
        builder.Services.AddSingleton<ActionQueries>();
        builder.Services.AddSingleton<ActionDetails>();
        builder.Services.AddSingleton<AccountabilityWrites>();
        builder.Services.AddSingleton<IdeaQueries>();
        builder.Services.AddSingleton<IdeaDetails>();
        builder.Services.AddSingleton<HelpBoard>();
        builder.Services.AddSingleton<Home.HomeBoards>();
        return builder;
    }
}
