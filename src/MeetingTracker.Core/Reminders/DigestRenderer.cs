using System.Globalization;
using System.Net;
using System.Text;
using MeetingTracker.Core.Accountability;

namespace MeetingTracker.Core.Reminders;

/// <summary>The absolute links a digest carries, under the site's public address.</summary>
public sealed class ReminderLinks(Uri root, ReminderTokens tokens, DateTimeOffset issuedAt)
{
    private readonly Uri root = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
    private readonly string rootText = root.AbsoluteUri.EndsWith('/') ? root.AbsoluteUri : root.AbsoluteUri + "/";

    public Uri Root => root;

    /// <summary>The moment the digest is made at (its answers are issued then).</summary>
    public DateTimeOffset IssuedAt => issuedAt;

    public string Action(int chainId) => Link(SitePaths.Action(chainId));

    public string Idea(int ideaId) => Link(SitePaths.Idea(ideaId));

    public string Team(ReminderTeam team) => Link(SitePaths.Team(team.Key));

    public string TeamActions(ReminderTeam team, string state) => Link($"actions?team={Uri.EscapeDataString(team.Key)}&state={state}");

    public string Help(ReminderTeam? team = null) => Link(team is null ? "help" : "help?team=" + Uri.EscapeDataString(team.Key));

    public string Actions(ReminderAccount account) => account.PersonName is { } name ? Link("actions?person=" + Uri.EscapeDataString(name)) : Link("actions");

    public string Preferences() => Link("account#reminders");

    public string Answer(string accountId, int chainId, ActionState answer, string nonce)
        => Link("reminders/answer?t=" + Uri.EscapeDataString(tokens.Answer(new AnswerToken(accountId, chainId, answer, nonce, issuedAt))));

    /// <summary>The four answer links of one action (one signature: <see cref="ReminderTokens.AnswersFor"/>).</summary>
    public IEnumerable<(ActionState Answer, string Link)> Answers(string accountId, int chainId, string nonce)
        => tokens.AnswersFor(accountId, chainId, nonce, issuedAt).Select(a => (a.Answer, Link("reminders/answer?t=" + Uri.EscapeDataString(a.Token))));

    /// <summary>The footer's link: a page with a button.</summary>
    public string Unsubscribe(string accountId, string kind)
        => Link("reminders/unsubscribe?t=" + Uri.EscapeDataString(tokens.Unsubscribe(new UnsubscribeToken(accountId, kind))));

    /// <summary>The <c>List-Unsubscribe</c> header's link: RFC 8058's one-click POST.</summary>
    public string OneClickUnsubscribe(string accountId, string kind)
        => Link("reminders/unsubscribe/one-click?t=" + Uri.EscapeDataString(tokens.Unsubscribe(new UnsubscribeToken(accountId, kind))));

    // The root is absolute and ends with '/', the relative parts are escaped: joined as text (a Uri per link re-parsed
    // every 250-character token, a fifth of rendering in the benchmark).
    private string Link(string relative) => rootText + relative;
}

/// <summary>A digest as mail: subject, plain text, HTML and its unsubscribe link.</summary>
public sealed record RenderedDigest(string Subject, string Text, string Html, string UnsubscribeUrl);

/// <summary>
/// A digest as a message readable both as plain text and as HTML: every link absolute, every piece of log text
/// HTML-encoded, one-click answers under each action the recipient owns, the unsubscribe and preferences links in the
/// footer.
/// </summary>
public static class DigestRenderer
{
    private static readonly CompositeFormat AndMore = CompositeFormat.Parse("and {0} more");

    public static RenderedDigest Render(DigestContent digest, ReminderLinks links)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(links);
        var account = digest.Account;
        var text = new StringBuilder();
        var html = new StringBuilder();
        var team = digest.Team;
        var title = team is null
            ? "What you said you would do"
            : $"{team.Name}: before the meeting of {digest.NextMeeting!.Value.UtcDateTime.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}";
        text.Append(title).Append("\n\n");
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title></head>\n")
            .Append("<body style=\"font-family: system-ui, sans-serif; line-height: 1.4; color: #1a1a1a; max-width: 40em\">\n")
            .Append("<h1 style=\"font-size: 1.3em\">").Append(Encode(title)).Append("</h1>\n");
        if (team is null)
        {
            var greeting = $"Hello {account.Name}, here is where your actions stand.";
            text.Append(greeting).Append("\n\n");
            html.Append("<p>").Append(Encode(greeting)).Append("</p>\n");
        }
        else
        {
            var lead = $"You chair {team.Name}. Its next meeting is expected on {digest.NextMeeting!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}.";
            text.Append(lead).Append('\n').Append(links.Team(team)).Append("\n\n");
            html.Append("<p>").Append(Encode(lead)).Append(" <a href=\"").Append(Encode(links.Team(team))).Append("\">The team's page</a>.</p>\n");
        }

        foreach (var section in digest.Sections.Where(s => s.Count > 0))
        {
            var heading = Heading(section.Kind, section.Count);
            text.Append("== ").Append(heading).Append(" ==\n\n");
            html.Append("<h2 style=\"font-size: 1.1em; margin-top: 1.5em\">").Append(Encode(heading)).Append("</h2>\n<ul style=\"padding-left: 1.2em\">\n");
            foreach (var action in section.Actions)
            {
                Action(text, html, action, section.Kind, account, links);
            }

            foreach (var idea in section.Ideas)
            {
                var line = $"{idea.Team.Name} · {Days(idea.AgeDays)} old · {idea.State.Label()}";
                text.Append("* ").Append(idea.Text).Append('\n').Append("  ").Append(line).Append('\n').Append("  ").Append(links.Idea(idea.IdeaId)).Append("\n\n");
                html.Append("<li style=\"margin-bottom: 1em\"><a href=\"").Append(Encode(links.Idea(idea.IdeaId))).Append("\">").Append(Encode(idea.Text)).Append("</a><br>")
                    .Append("<small>").Append(Encode(line)).Append("</small></li>\n");
            }

            if (section.More > 0)
            {
                var more = string.Format(CultureInfo.InvariantCulture, AndMore, section.More);
                var all = MoreLink(section.Kind, team, account, links);
                text.Append("  ").Append(more).Append(": ").Append(all).Append("\n\n");
                html.Append("<li><a href=\"").Append(Encode(all)).Append("\">").Append(Encode(more)).Append("</a></li>\n");
            }

            html.Append("</ul>\n");
        }

        var unsubscribe = links.Unsubscribe(account.Id, digest.Kind);
        var why = team is null
            ? "You get this because your MeetingTracker account has verified nicks."
            : $"You get this because you chair {team.Name} and asked for its digest.";
        text.Append("-- \n").Append(why).Append('\n')
            .Append("Turn this digest off: ").Append(unsubscribe).Append('\n')
            .Append("Your reminder preferences: ").Append(links.Preferences()).Append('\n');
        html.Append("<hr style=\"margin-top: 2em\">\n<p><small>").Append(Encode(why)).Append("<br>")
            .Append("<a href=\"").Append(Encode(unsubscribe)).Append("\">Turn this digest off</a> · ")
            .Append("<a href=\"").Append(Encode(links.Preferences())).Append("\">Your reminder preferences</a></small></p>\n</body></html>\n");
        return new RenderedDigest(Subject(digest), text.ToString(), html.ToString(), links.OneClickUnsubscribe(account.Id, digest.Kind));
    }

    /// <summary>"3 overdue, 1 coming due, 2 new" — what the digest holds, most pressing first.</summary>
    public static string Subject(DigestContent digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var parts = digest.Sections.Where(s => s.Count > 0).Select(s => $"{s.Count} {Short(s.Kind)}");
        var what = string.Join(", ", parts);
        return digest.Team is { } team ? $"{team.Name} before its next meeting: {what}" : $"Your actions: {what}";
    }

    /// <summary>One line per section for the command line's summary.</summary>
    public static string Summary(DigestContent digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return digest.IsEmpty ? "nothing to say" : string.Join(", ", digest.Sections.Where(s => s.Count > 0).Select(s => $"{s.Count} {Short(s.Kind)}"));
    }

    private static void Action(StringBuilder text, StringBuilder html, DigestAction action, DigestSectionKind kind, ReminderAccount account, ReminderLinks links)
    {
        var page = links.Action(action.ChainId);
        var facts = Facts(action, links.IssuedAt);
        text.Append("* ").Append(action.Text).Append('\n').Append("  ").Append(facts).Append('\n').Append("  ").Append(page).Append('\n');
        html.Append("<li style=\"margin-bottom: 1em\"><a href=\"").Append(Encode(page)).Append("\">").Append(Encode(action.Text)).Append("</a><br>")
            .Append("<small>").Append(Encode(facts)).Append("</small>");
        foreach (var note in action.Notes.Where(n => n.Length > 0))
        {
            text.Append("  offered: ").Append(note).Append('\n');
            html.Append("<br><small>offered: ").Append(Encode(note)).Append("</small>");
        }

        if (action.Answerable)
        {
            // One nonce per action and digest: whichever answer is used first, the others of this action are spent too.
            var nonce = ReminderTokens.NewNonce();
            text.Append("  Answer in one click:\n");
            html.Append("<br>");
            var first = true;
            foreach (var (answer, link) in links.Answers(account.Id, action.ChainId, nonce))
            {
                text.Append("    ").Append(AnswerLabel(answer)).Append(": ").Append(link).Append('\n');
                html.Append(first ? string.Empty : " · ").Append("<a href=\"").Append(Encode(link)).Append("\">").Append(Encode(AnswerLabel(answer))).Append("</a>");
                first = false;
            }
        }
        else if (kind == DigestSectionKind.NeedHelpInTeams)
        {
            text.Append("  You can help: ").Append(page).Append('\n');
        }

        text.Append('\n');
        html.Append("</li>\n");
    }

    private static string Facts(DigestAction action, DateTimeOffset now)
    {
        var parts = new List<string> { action.Team.Name, $"{Days(action.AgeDays)} old" };
        if (action.CarriedOver > 0) parts.Add(action.CarriedOver == 1 ? "carried over once" : $"carried over {action.CarriedOver} times");
        // By the moment, not the section: an overdue action listed among the offers of help was due too. The day shown is
        // the day it is due by: a due date people set falls due at the end of that day (the next day's midnight).
        var day = action.DueAt.UtcDateTime.AddTicks(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        parts.Add((action.DueAt <= now ? "was due " : "due ") + day);
        parts.Add(action.State.Label());
        return string.Join(" · ", parts);
    }

    public static string AnswerLabel(ActionState answer) => answer switch
    {
        ActionState.Done => "Done",
        ActionState.InProgress => "In progress",
        ActionState.NeedHelp => "I need help",
        ActionState.NoTime => "No time",
        _ => answer.Label(),
    };

    private static string Heading(DigestSectionKind kind, int count) => kind switch
    {
        DigestSectionKind.Overdue => $"Overdue ({count})",
        DigestSectionKind.ComingDue => $"Coming due ({count})",
        DigestSectionKind.NeedHelpInTeams => $"Your teams need help ({count})",
        DigestSectionKind.Offers => $"Offers of help on your actions ({count})",
        DigestSectionKind.New => $"New for you ({count})",
        DigestSectionKind.TeamOverdue => $"Overdue ({count})",
        DigestSectionKind.TeamNeedHelp => $"Asking for help ({count})",
        DigestSectionKind.TeamReleased => $"Released, nobody owns them ({count})",
        DigestSectionKind.TeamReopened => $"Done, then carried again: reopened? ({count})",
        _ => $"Ideas waiting for a champion ({count})",
    };

    private static string Short(DigestSectionKind kind) => kind switch
    {
        DigestSectionKind.Overdue or DigestSectionKind.TeamOverdue => "overdue",
        DigestSectionKind.ComingDue => "coming due",
        DigestSectionKind.NeedHelpInTeams or DigestSectionKind.TeamNeedHelp => "need help",
        DigestSectionKind.Offers => "offers of help",
        DigestSectionKind.New => "new",
        DigestSectionKind.TeamReleased => "released",
        DigestSectionKind.TeamReopened => "reopened",
        _ => "ideas waiting",
    };

    private static string MoreLink(DigestSectionKind kind, ReminderTeam? team, ReminderAccount account, ReminderLinks links) => (kind, team) switch
    {
        (DigestSectionKind.TeamOverdue, { } t) => links.TeamActions(t, "overdue"),
        (DigestSectionKind.TeamNeedHelp or DigestSectionKind.TeamReleased or DigestSectionKind.TeamIdeas, { } t) => links.Help(t),
        (DigestSectionKind.TeamReopened, { } t) => links.TeamActions(t, "done"),
        (DigestSectionKind.NeedHelpInTeams, _) => links.Help(),
        _ => links.Actions(account),
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
