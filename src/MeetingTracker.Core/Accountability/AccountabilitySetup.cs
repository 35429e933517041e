using MeetingTracker.Core.Harvesting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Core.Accountability;

public static class AccountabilitySetup
{
    /// <summary>The accountability service with its options (bound by the host), validated on start, told of harvests.</summary>
    public static OptionsBuilder<AccountabilityOptions> AddAccountability(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AccountabilityService>();
        services.TryAddSingleton<Events.EventLedger>();
        services.TryAddSingleton<Topics.AgendaReader>();
        services.AddSingleton<IMeetingsChangedHandler>(sp => sp.GetRequiredService<AccountabilityService>());
        return services.AddOptions<AccountabilityOptions>()
            .Validate(o => o.Problem() is null, "invalid MeetingTracker:Accountability options (DueDays and FollowUpDays: 1 to 3650)")
            .ValidateOnStart();
    }
}
