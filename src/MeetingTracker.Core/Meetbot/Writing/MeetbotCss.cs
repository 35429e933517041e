namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>MeetBot's default stylesheets (css-log-default.css, css-minutes-default.css) as its writers embed them.</summary>
internal static class MeetbotCss
{
    /// <summary>The <c>&lt;style&gt;</c> block of <c>.log.html</c>, ending with a newline.</summary>
    public const string LogStyle = LogRules + """


        </style>

        """;

    /// <summary>meetingology's <c>.log.html</c> style from 2013 on: MeetBot's, with undecorated links.</summary>
    public const string MeetingologyLogStyle = LogRules + """


        a {text-decoration:none;}
        a:hover {text-decoration:underline;}

        </style>

        """;

    // css-log-default.css inside its <style> tag, up to its last rule (no newline after it).
    private const string LogRules = """
        <style type="text/css">
        /* For the .log.html */
        pre { /*line-height: 125%;*/
              white-space: pre-wrap; }
        body { background: #f0f0f0; }

        body .tm  { color: #007020 }                      /* time */
        body .nk  { color: #062873; font-weight: bold }   /* nick, regular */
        body .nka { color: #007020; font-weight: bold }  /* action nick */
        body .ac  { color: #00A000 }                      /* action line */
        body .hi  { color: #4070a0 }                 /* hilights */
        /* Things to make particular MeetBot commands stick out */
        body .topic     { color: #007020; font-weight: bold }
        body .topicline { color: #000080; font-weight: bold }
        body .cmd       { color: #007020; font-weight: bold }
        body .cmdline  { font-weight: bold }
        """;

    /// <summary>The <c>&lt;style&gt;</c> block of the <c>.html</c> minutes, ending with a newline.</summary>
    public const string MinutesStyle = """
        <style type="text/css">
        /* This is for the .html in the HTML2 writer */
        body {
            font-family: Helvetica, sans-serif;
            font-size:14px;
        }
        h1 {
            text-align: center;
        }
        a {
            color:navy;
            text-decoration: none;
            border-bottom:1px dotted navy;
        }
        a:hover {
            text-decoration:none;
            border-bottom: 0;
            color:#0000B9;
        }
        hr {
            border: 1px solid #ccc;
        }
        /* The (nick, time) item pairs, and other body text things. */
        .details {
            font-size: 12px;
            font-weight:bold;
        }
        /* The 'AGREED:', 'IDEA', etc, prefix to lines. */
        .itemtype {
            font-style: normal;    /* un-italics it */
            font-weight: bold;
        }
        /* Example: change single item types.  Capitalized command name.
        /* .TOPIC  {  color:navy;  } */
        /* .AGREED {  color:lime;  } */

        </style>

        """;
}
