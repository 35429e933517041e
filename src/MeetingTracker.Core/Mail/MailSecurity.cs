using MailKit.Security;

namespace MeetingTracker.Core.Mail;

/// <summary>How the SMTP connection is protected (<c>none</c>, <c>starttls</c>, <c>tls</c> in configuration).</summary>
public enum MailSecurity
{
    /// <summary>Plain text: only for a relay on this host or a trusted network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}

public static class MailSecurityExtensions
{
    /// <summary>MailKit's option. StartTls is <see cref="SecureSocketOptions.StartTls"/>, not StartTlsWhenAvailable:
    /// a server that stops offering it must not get the password in clear.</summary>
    public static SecureSocketOptions ToSocketOptions(this MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "unknown mail security"),
    };
}
