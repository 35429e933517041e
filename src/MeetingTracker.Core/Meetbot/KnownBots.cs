namespace MeetingTracker.Core.Meetbot;

/// <summary>Meetbot accounts and channel bots that MeetBot counts as attendees but are not people.</summary>
public static class KnownBots
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "zodbot", "openstack", "MeetBot", "meetingology", "ubottu", "@meetbot:fedora.im", "fm-admin", "lndev-bot", "lightningbot", "gribble", "lndbot", "debbot",
    };

    public static bool IsBot(string nick) => Names.Contains(nick);
}
