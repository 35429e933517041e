using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MeetingTracker.Web.Mail;

public static class MailSetup
{
    /// <summary>
    /// The one sender of everything the site mails (<c>MeetingTracker:Mail</c>): SMTP when a host is configured, else
    /// <c>.eml</c> files in the pickup folder (<c>{DataDir}/mail</c> by default), delivered by <see cref="OutboxService"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataDir = builder.MeetingTrackerDataDir();
        var contentRoot = builder.Environment.ContentRootPath;
        var services = builder.Services;
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .PostConfigure(o => o.PickupDir = string.IsNullOrWhiteSpace(o.PickupDir) ? Path.Combine(dataDir, "mail") : Path.GetFullPath(o.PickupDir, contentRoot))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsProblems>();
        services.AddSingleton<IMailDelivery>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            return options.UsesSmtp ? new SmtpDelivery(options.Smtp) : new PickupFolderDelivery(options.PickupDir!, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new OutboxSender(
            sp.GetRequiredService<IDbContextFactory<TrackerDb>>(),
            sp.GetRequiredService<IMailDelivery>(),
            sp.GetRequiredService<IOptions<MailOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxSender>>()));
        services.AddHostedService<OutboxService>();
        return builder;
    }
}

/// <summary>The options' own rules (<see cref="MailOptions.Problems"/>, which the command line checks too), each named.</summary>
internal sealed class MailOptionsProblems : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
