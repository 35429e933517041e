namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// Nicks of meeting bots and common channel bots. MeetBot counts them as attendees (its minutes list the bot),
/// but nobody can be accountable for an action by being a bot, so the project's owners never include them.
/// </summary>
internal static class KnownBots
{
    private static readonly HashSet<string> Nicks = new(StringComparer.OrdinalIgnoreCase)
    {
        "zodbot", "openstack", "MeetBot", "meetingology", "ubottu", "ubot5", "MootBot",
        "lndev-bot", "lightningbot", "brokerbot", "gribble", "@meetbot:fedora.im",
    };

    public static bool Contains(string nick) => Nicks.Contains(nick);
}
