using System.Net;
using MeetingTracker.Core.Mail;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Configuration;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// The account mails (confirm an address, confirm a new address, reset a password, "this address has an account"),
/// put into the outbox with absolute links: under <c>MeetingTracker:PublicUrl</c> when set, else under the request's
/// own scheme and host. The caller saves them with what caused them.
/// </summary>
public sealed class AccountMail(Outbox outbox, IOptionsMonitor<MeetingTrackerOptions> options)
{
    public const string ConfirmKind = "confirm-email";
    public const string ChangeKind = "change-email";
    public const string ResetKind = "reset-password";
    public const string ExistsKind = "account-exists";

    public void Confirm(TrackerDb db, HttpContext http, string to, string userId, string token)
    {
        var link = Link(http, $"account/confirm?userId={Uri.EscapeDataString(userId)}&code={AccountCodes.Encode(token)}");
        Enqueue(db, ConfirmKind, to, "Confirm your e-mail address", "Confirm your MeetingTracker account by opening this link:", link);
    }

    public void ChangeEmail(TrackerDb db, HttpContext http, string to, string userId, string token)
    {
        var link = Link(http, $"account/confirm-email?userId={Uri.EscapeDataString(userId)}&email={Uri.EscapeDataString(to)}&code={AccountCodes.Encode(token)}");
        Enqueue(db, ChangeKind, to, "Confirm your new e-mail address", "To make this the address of your MeetingTracker account, open this link:", link);
    }

    public void Reset(TrackerDb db, HttpContext http, string to, string userId, string token)
    {
        var link = Link(http, $"account/reset?userId={Uri.EscapeDataString(userId)}&code={AccountCodes.Encode(token)}");
        Enqueue(db, ResetKind, to, "Reset your password", "Someone asked to reset the password of your MeetingTracker account. If it was you, choose a new one here:", link);
    }

    /// <summary>Sent instead of a confirmation when someone registers an address that already has an account.</summary>
    public void Exists(TrackerDb db, HttpContext http, string to)
    {
        var link = Link(http, "account/forgot");
        Enqueue(db, ExistsKind, to, "You already have an account", "Someone tried to register a MeetingTracker account with this address, which already has one. If you forgot your password, reset it here:", link);
    }

    private void Enqueue(TrackerDb db, string kind, string to, string subject, string lead, string link)
    {
        const string Ignore = "If you did not ask for this, ignore this message.";
        var text = $"{lead}\n\n{link}\n\n{Ignore}\n";
        var html = $"<p>{WebUtility.HtmlEncode(lead)}</p>\n<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>\n<p>{Ignore}</p>\n";
        outbox.Enqueue(db, kind, to, subject, text, html);
    }

    private string Link(HttpContext http, string relative)
    {
        var root = options.CurrentValue.PublicUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        if (!root.AbsoluteUri.EndsWith('/'))
        {
            root = new Uri(root.AbsoluteUri + "/");
        }

        return new Uri(root, relative).AbsoluteUri;
    }
}
