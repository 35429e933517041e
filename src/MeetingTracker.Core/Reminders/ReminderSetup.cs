using MeetingTracker.Core.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingTracker.Core.Reminders;

public static class ReminderSetup
{
    /// <summary>
    /// The reminders (<see cref="ReminderRun"/>, <see cref="ReminderTokens"/>) over the accountability services (the host adds them with its options). The
    /// host adds ASP.NET Core Data Protection with the database's key ring (the site and the command line sign alike).
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<ReminderTokens>();
        services.TryAddSingleton<ReminderRun>();
        return services;
    }
}
