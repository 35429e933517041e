using System.ComponentModel.DataAnnotations;
using MeetingTracker.Core.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// Mail as the web host's <c>MailSetup</c> sends it: <see cref="MailOptions"/> from <c>MeetingTracker:Mail</c>, checked
/// as the host checks them; SMTP when <c>Smtp:Host</c> is set, else <c>.eml</c> files in the pickup folder
/// (<c>{data}/mail</c> by default).
/// </summary>
internal static class CliMail
{
    /// <summary>The options, or <see cref="OptionsValidationException"/> naming what is wrong.</summary>
    public static MailOptions Options(IConfiguration configuration, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new MailOptions();
        try
        {
            configuration.GetSection(MailOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // A value of the wrong type (Port=abc): the binder's message names the key.
            throw new OptionsValidationException(MailOptions.Section, typeof(MailOptions), [e.Message]);
        }

        options.PickupDir = string.IsNullOrWhiteSpace(options.PickupDir) ? Path.Combine(dataDir, "mail") : Path.GetFullPath(options.PickupDir);
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true);
        var failures = problems.Select(p => $"{MailOptions.Section}: {p.ErrorMessage}").ToList();
        failures.AddRange(options.Problems());
        if (failures.Count > 0) throw new OptionsValidationException(MailOptions.Section, typeof(MailOptions), failures);
        return options;
    }

    public static IMailDelivery Delivery(MailOptions options, TimeProvider clock)
        => options.UsesSmtp ? new SmtpDelivery(options.Smtp) : new PickupFolderDelivery(options.PickupDir!, clock);
}
