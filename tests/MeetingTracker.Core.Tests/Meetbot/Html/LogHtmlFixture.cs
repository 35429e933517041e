using System.Text;

namespace MeetingTracker.Core.Tests.Meetbot.Html;

/// <summary>Hand-written .log.html pages in the markup of each writer (MeetBot's HTMLlog2, OpenStack, meetingology, Matrix).</summary>
internal static class LogHtmlFixture
{
    public const string FileName = "team.2020-06-10-14.10.log.html";

    /// <summary>A page whose &lt;pre&gt; holds the given lines (joined with newlines, as MeetBot does).</summary>
    public static byte[] Page(string title, params string[] lines) => Encoding.UTF8.GetBytes(
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html>\n<head>\n"
        + "<meta http-equiv=\"Content-type\" content=\"text/html;charset=UTF-8\">\n"
        + $"<title>{title}</title>\n<style type=\"text/css\">\n/* For the .log.html */\npre {{ white-space: pre-wrap; }}\n</style>\n</head>\n\n<body>\n"
        + "<pre>" + string.Join('\n', lines) + "</pre>\n</body></html>\n");

    /// <summary>MeetBot 0.1.4: <c>&lt;a name="l-N"&gt;&lt;/a&gt;</c>, nick span with a leading space.</summary>
    public static string Line(int n, string time, string nick, string body) =>
        $"<a name=\"l-{n}\"></a><span class=\"tm\">{time}</span><span class=\"nk\"> &lt;{nick}&gt;</span> {body}";

    /// <summary>A /me line: the time has a trailing space, the nick is "* nick".</summary>
    public static string Emote(int n, string time, string nick, string text, bool href = false) =>
        (href ? $"<a href=\"#l-{n}\" name=\"l-{n}\"><span class=\"tm\">{time} </span></a>" : $"<a name=\"l-{n}\"></a><span class=\"tm\">{time} </span>")
        + $"<span class=\"nka\">* {nick}</span> <span class=\"ac\">{text}</span>";

    /// <summary>OpenStack (2016 on) and meetingology: the time links to its own anchor.</summary>
    public static string Linked(int n, string time, string nick, string body) =>
        $"<a href=\"#l-{n}\" name=\"l-{n}\"><span class=\"tm\">{time}</span></a><span class=\"nk\"> &lt;{nick}&gt;</span> {body}";

    public static string Cmd(string command, string rest) => $"<span class=\"cmd\">{command} </span><span class=\"cmdline\">{rest}</span>";

    public static string Topic(string rest) => $"<span class=\"topic\">#topic </span><span class=\"topicline\">{rest}</span>";

    /// <summary>The Matrix bot's row: nick cell, time cell, message cell.</summary>
    public static string MatrixRow(int n, string time, string sender, string message, string classes = "") =>
        $"""
                    <div class="d-table-row" id="l-{n}">
                        <div class="d-table-cell nick shrink text-right pe-1"> &lt;{sender}&gt; </div>
                        <div class="d-table-cell time shrink pe-1">{time}</div>
                        <div class="d-table-cell stretch prewrap {classes}">{message}</div>
                    </div>
        """;

    public static byte[] MatrixPage(string room, params string[] rows) => Encoding.UTF8.GetBytes(
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"UTF-8\"><title>{room} log</title></head>\n<body>\n"
        + "<div class=\"d-table max mono\">\n" + string.Join('\n', rows) + "\n</div>\n</body>\n</html>\n");
}
