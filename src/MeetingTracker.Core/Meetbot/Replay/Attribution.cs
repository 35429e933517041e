namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// Who an action belongs to, both ways: MeetBot's attendees (everyone who spoke, the bot included, plus #chair and
/// #nick targets) are what its writers search action texts for; the project's owners are the people who spoke or
/// were #nick'd, without bots.
/// </summary>
internal sealed class Attribution
{
    private readonly MeetbotDialect dialect;
    private readonly List<(string Nick, string Base, bool IsPerson)> candidates = [];

    public Attribution(MeetingState m)
    {
        dialect = m.Dialect;
        foreach (var (nick, lines) in m.Attendees)
        {
            var isBot = KnownBots.IsBot(nick) || string.Equals(nick, m.Info.BotNick, StringComparison.Ordinal);
            candidates.Add((nick, NickVariants.BaseNick(nick), (lines > 0 || m.NickTargets.Contains(nick)) && !isBot));
        }
    }

    public (IReadOnlyList<string> Assignees, IReadOnlyList<string> Owners) Of(string text)
    {
        // Every rule needs the nick's base form somewhere in the text (any case): testing that first spares the
        // per-nick regexes for the attendees an action does not mention. Order is kept.
        var mentioned = new List<string>();
        var people = new List<string>();
        foreach (var (nick, baseNick, isPerson) in candidates)
        {
            if (text.Contains(baseNick.Length > 0 ? baseNick : nick, StringComparison.OrdinalIgnoreCase))
            {
                mentioned.Add(nick);
                if (isPerson)
                {
                    people.Add(nick);
                }
            }
        }

        return (ActionAttribution.Published(text, mentioned, dialect), ActionAttribution.Owners(text, people));
    }
}
