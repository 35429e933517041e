using System.Globalization;
using System.Text;

namespace MeetingTracker.Core.Topics;

/// <summary>A topic of the agenda, with the page it links to (null for one the site has no page for).</summary>
public sealed record AgendaTopic(string Title, string? Url);

/// <summary>An action to follow up: its text as the minutes have it (so a pasted <c>#action</c> joins its chain), owners and state.</summary>
public sealed record AgendaAction(int ChainId, string Text, IReadOnlyList<string> Owners, string State, DateTimeOffset Raised, string Url);

/// <summary>An idea no one has decided on yet.</summary>
public sealed record AgendaIdea(int IdeaId, string Text, string Nick, DateTimeOffset Raised, string Url);

/// <summary>
/// A ready agenda for a team's next meeting: its standing opening topics, the follow-up of its actions, the ideas
/// waiting for a decision, the topics its last meeting left open, then its closing topics.
/// </summary>
public sealed record Agenda(
    string TeamKey,
    string TeamName,
    string Url,
    IReadOnlyList<AgendaTopic> Opening,
    AgendaTopic FollowUp,
    IReadOnlyList<AgendaAction> Actions,
    IReadOnlyList<AgendaIdea> Ideas,
    IReadOnlyList<AgendaTopic> LeftOpen,
    IReadOnlyList<AgendaTopic> Closing)
{
    /// <summary>The follow-up topic's title when the team has no standing one.</summary>
    public const string DefaultFollowUp = "Follow-up on action items";

    /// <summary>The closing topic when the team has no standing one.</summary>
    public const string DefaultClosing = "Open floor";

    /// <summary>The topic under which the ideas come.</summary>
    public const string IdeasTopic = "Ideas waiting for a decision";
}

/// <summary>The formats an agenda is given in (the <c>format</c> of the API and the command line).</summary>
public enum AgendaFormat
{
    MeetBot,
    Markdown,
    Text,
}

/// <summary>
/// Writes an agenda as MeetBot commands to paste into the channel, as Markdown for a mailing list or wiki, or as plain
/// text. Every MeetBot line fits one IRC message: RFC 1459 (2.3) allows 512 bytes with the CR LF, and the server
/// relays a message with the sender's <c>:nick!user@host PRIVMSG #channel :</c> before it, so a line is kept to
/// <see cref="MaxIrcBytes"/> bytes of UTF-8 and a longer one is cut at a word with "…". An action's line carries its
/// text and nothing else: pasted, it is the same action, and the meeting's minutes carry it over.
/// </summary>
public static class AgendaWriter
{
    /// <summary>What is left of 512 bytes for the text after the CR LF and a long relay prefix.</summary>
    public const int MaxIrcBytes = 400;

    public static AgendaFormat? ParseFormat(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "MEETBOT" => AgendaFormat.MeetBot,
        "MARKDOWN" or "MD" => AgendaFormat.Markdown,
        "TEXT" or "TXT" => AgendaFormat.Text,
        _ => null,
    };

    public static string Write(Agenda agenda, AgendaFormat format)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        return format switch
        {
            AgendaFormat.MeetBot => MeetBot(agenda),
            AgendaFormat.Markdown => Markdown(agenda),
            _ => Text(agenda),
        };
    }

    private static string MeetBot(Agenda a)
    {
        var sb = new StringBuilder();
        void Line(string command, string text) => sb.Append(Fit(command + " " + text)).Append('\n');
        foreach (var t in a.Opening) Line("#topic", t.Title);
        Line("#topic", a.FollowUp.Title);
        foreach (var action in a.Actions) Line("#action", action.Text);
        if (a.Ideas.Count > 0)
        {
            Line("#topic", Agenda.IdeasTopic);
            foreach (var idea in a.Ideas) Line("#info", $"{idea.Text} ({idea.Nick}, {Day(idea.Raised)}) {idea.Url}");
        }

        foreach (var t in a.LeftOpen)
        {
            Line("#topic", t.Title);
            if (t.Url is not null) Line("#link", t.Url);
        }

        foreach (var t in a.Closing) Line("#topic", t.Title);
        return sb.ToString();
    }

    private static string Markdown(Agenda a)
    {
        var sb = new StringBuilder();
        var n = 0;
        sb.Append("# Agenda for the next meeting of ").Append(Escape(a.TeamName)).Append("\n\n");
        void Topic(AgendaTopic t) => sb.Append("## ").Append(++n).Append(". ")
            .Append(t.Url is null ? Escape(t.Title) : $"[{Escape(t.Title)}]({t.Url})").Append("\n\n");
        foreach (var t in a.Opening) Topic(t);
        Topic(a.FollowUp);
        if (a.Actions.Count == 0) sb.Append("No open action.\n\n");
        foreach (var action in a.Actions)
        {
            sb.Append("- [").Append(Escape(action.Text)).Append("](").Append(action.Url).Append(") — ")
                .Append(Owners(action)).Append(", ").Append(action.State).Append(", raised ").Append(Day(action.Raised)).Append('\n');
        }

        if (a.Actions.Count > 0) sb.Append('\n');
        if (a.Ideas.Count > 0)
        {
            Topic(new AgendaTopic(Agenda.IdeasTopic, null));
            foreach (var idea in a.Ideas)
            {
                sb.Append("- [").Append(Escape(idea.Text)).Append("](").Append(idea.Url).Append(") — ").Append(Escape(idea.Nick)).Append(", ").Append(Day(idea.Raised)).Append('\n');
            }

            sb.Append('\n');
        }

        foreach (var t in a.LeftOpen) Topic(t);
        foreach (var t in a.Closing) Topic(t);
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static string Text(Agenda a)
    {
        var sb = new StringBuilder();
        var n = 0;
        sb.Append("Agenda for the next meeting of ").Append(a.TeamName).Append('\n').Append(a.Url).Append("\n\n");
        void Topic(AgendaTopic t)
        {
            sb.Append(++n).Append(". ").Append(t.Title).Append('\n');
            if (t.Url is not null) sb.Append("   ").Append(t.Url).Append('\n');
        }

        foreach (var t in a.Opening) Topic(t);
        Topic(a.FollowUp);
        if (a.Actions.Count == 0) sb.Append("   No open action.\n");
        foreach (var action in a.Actions)
        {
            sb.Append("   - ").Append(action.Text).Append(" (").Append(Owners(action)).Append("; ").Append(action.State)
                .Append("; raised ").Append(Day(action.Raised)).Append(")\n     ").Append(action.Url).Append('\n');
        }

        if (a.Ideas.Count > 0)
        {
            Topic(new AgendaTopic(Agenda.IdeasTopic, null));
            foreach (var idea in a.Ideas)
            {
                sb.Append("   - ").Append(idea.Text).Append(" (").Append(idea.Nick).Append(", ").Append(Day(idea.Raised)).Append(")\n     ").Append(idea.Url).Append('\n');
            }
        }

        foreach (var t in a.LeftOpen) Topic(t);
        foreach (var t in a.Closing) Topic(t);
        return sb.ToString();
    }

    private static string Owners(AgendaAction action) => action.Owners.Count == 0 ? "nobody" : string.Join(", ", action.Owners);

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Markdown's inline specials, so a text cannot make a link or emphasis of its own.
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|') sb.Append('\\');
            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return sb.ToString();
    }

    /// <summary>The line, cut at a word to <see cref="MaxIrcBytes"/> bytes of UTF-8 with "…" when longer; line breaks made spaces.</summary>
    public static string Fit(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        line = line.Replace('\r', ' ').Replace('\n', ' ');
        if (Encoding.UTF8.GetByteCount(line) <= MaxIrcBytes) return line;
        var budget = MaxIrcBytes - Encoding.UTF8.GetByteCount("…");
        var end = 0;
        var bytes = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > budget) break;
            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        var space = line.LastIndexOf(' ', end - 1, end);
        return line[..(space > end / 2 ? space : end)].TrimEnd() + "…";
    }
}
