using System.ComponentModel.DataAnnotations;

namespace MeetingTracker.Core.Mail;

/// <summary>
/// <c>MeetingTracker:Mail</c>. With no <see cref="SmtpOptions.Host"/> (the default) every message is written as a
/// <c>.eml</c> file into <see cref="PickupDir"/>, so a fresh install needs no mail server.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "MeetingTracker:Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender, as an RFC 5322 address with an optional name.</summary>
    [Required]
    public string From { get; set; } = "MeetingTracker <meetingtracker@localhost>";

    /// <summary>Where messages go without an SMTP host; the host's default is <c>{DataDir}/mail</c>.</summary>
    public string? PickupDir { get; set; }

    /// <summary>Attempts before a message is <see cref="OutboxStatus.Failed"/>.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each (1, 2, 4 … minutes) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the outbox is looked at for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A message still <see cref="OutboxStatus.Sending"/> this long after it was handed over was lost with its sender
    /// (a crash, a killed node): it becomes <see cref="OutboxStatus.Unknown"/>. Longer than MailKit's 2-minute time-out,
    /// so a message another node is sending right now is never taken for lost.
    /// </summary>
    public TimeSpan SendingTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>What is wrong with these options beyond their annotations (one rule for the web host and the command line).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!MimeKit.MailboxAddress.TryParse(From, out _)) problems.Add($"{Section}:From is not an e-mail address.");
        if (Smtp.Port is < 0 or > 65535) problems.Add($"{Section}:Smtp:Port must be between 0 (the usual port) and 65535.");
        if (!(FirstRetryDelay > TimeSpan.Zero && MaxRetryDelay >= FirstRetryDelay && PollInterval > TimeSpan.Zero))
        {
            problems.Add($"{Section}: the delays must be positive, MaxRetryDelay at least FirstRetryDelay.");
        }

        if (SendingTimeout <= TimeSpan.Zero) problems.Add($"{Section}:SendingTimeout must be positive.");
        return problems;
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: 1, 2, 4 … times the first delay, capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay;
    }
}

/// <summary><c>MeetingTracker:Mail:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>0: the usual port of <see cref="Security"/> (25, 587 or 465).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    public int EffectivePort => Port != 0 ? Port : Security switch
    {
        MailSecurity.Tls => 465,
        MailSecurity.StartTls => 587,
        _ => 25,
    };
}
