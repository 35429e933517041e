using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// The engine's services with the reminders, wired as the web host wires them: accountability options from
/// <c>MeetingTracker:Accountability</c>, ASP.NET Core Data Protection with the key ring in the database (the links
/// this signs are read by the site, and the other way round), and the outbox's sender over the configured transport.
/// </summary>
internal static class ReminderServices
{
    /// <summary>The application name the web host gives Data Protection: the same name and keys, the same protectors.</summary>
    public const string ApplicationName = "MeetingTracker";

    /// <param name="configure">Runs first, so what it registers wins (the tests' clock).</param>
    public static async Task<ServiceProvider> OpenAsync(string dataDir, IConfiguration configuration, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mail = CliMail.Options(configuration, Path.GetFullPath(dataDir));
        var services = await HarvestingSetup.OpenAsync(
            dataDir,
            DatabaseOptions.From(configuration),
            s =>
            {
                configure?.Invoke(s);
                s.AddAccountability().Configure(o => configuration.GetSection(AccountabilityOptions.Section).Bind(o));
                s.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<TrackerDb>();
                s.AddReminders();
                s.TryAddSingleton(mail);
                s.TryAddSingleton(sp => CliMail.Delivery(sp.GetRequiredService<MailOptions>(), sp.GetRequiredService<TimeProvider>()));
                s.TryAddSingleton(sp => new OutboxSender(
                    sp.GetRequiredService<IDbContextFactory<TrackerDb>>(),
                    sp.GetRequiredService<IMailDelivery>(),
                    sp.GetRequiredService<MailOptions>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<OutboxSender>>()));
            },
            cancellationToken);
        try
        {
            // What a host checks on start (ValidateOnStart): bad options fail here, with their message.
            services.GetService<IStartupValidator>()?.Validate();
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }
}
