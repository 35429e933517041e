namespace MeetingTracker.LogGen.Generation;

/// <summary>The directory layouts of the big meetbot deployments (reference §4).</summary>
public enum ServerLayout
{
    /// <summary>zodbot (0.1.4 + Fedora patches): <c>channel/YYYY-MM-DD/&lt;meetingname&gt;.&lt;stamp&gt;.&lt;ext&gt;</c>.</summary>
    Fedora,

    /// <summary>Darst 0.1.4 defaults: <c>channel/YYYY/channel.&lt;stamp&gt;.&lt;ext&gt;</c>, named by channel.</summary>
    Debian,

    /// <summary>OpenStack's fork: <c>meetingname/YYYY/meetingname.&lt;stamp&gt;.&lt;ext&gt;</c>, votes, timestamp anchors.</summary>
    OpenStack,

    /// <summary>
    /// Ubuntu's meetingology: <c>channel/YYYY/channel.&lt;stamp&gt;.{moin.txt,log.html,html}</c>, <c>[TOPIC]</c>,
    /// #subtopic, #done, #vote/#endvote with +1/-1/+0; the files of each meeting in the layout of its date's era.
    /// </summary>
    Ubuntu,
}

/// <summary>What to generate. Everything follows from these values: the same options give the same bytes.</summary>
public sealed record GeneratorOptions
{
    public ServerLayout Layout { get; init; } = ServerLayout.Fedora;

    public int Teams { get; init; } = 4;

    public int Weeks { get; init; } = 12;

    public int Seed { get; init; } = 1;

    /// <summary>The first day of the first week (each team meets on its own weekday of every week).</summary>
    public DateOnly Start { get; init; } = new(2026, 1, 5);

    /// <summary>Prefix of the URLs the text minutes print (MeetBot's <c>logUrlPrefix</c>).</summary>
    public string UrlPrefix { get; init; } = "https://meetbot.example.org/";

    /// <summary>The bot's nick in the logs; null: the layout's usual bot (zodbot, MeetBot, openstack, meetingology).</summary>
    public string? BotNick { get; init; }

    /// <summary>Leave one meeting unfinished (no <c>#endmeeting</c>: only a partial <c>.log.txt</c>).</summary>
    public bool IncludeUnfinished { get; init; } = true;
}
