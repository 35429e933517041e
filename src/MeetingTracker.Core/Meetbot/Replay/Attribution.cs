namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>
/// Who an action belongs to, both ways: MeetBot's attendees (everyone who spoke, the bot included, plus #chair and
/// #nick targets) are what its writers search action texts for; the project's owners are the people who spoke or
/// were #nick'd, without the meeting's bot (the nick that answered #startmeeting, <see cref="DialectInfo.BotNick"/>).
/// Leaving the bot out touches the owners only: the published list is MeetBot's and keeps it. The per-meeting work (base nicks, MeetBot's sort order) is done once, not per action,
/// with the rules of <see cref="ActionAttribution"/>.
/// </summary>
internal sealed class Attribution
{
    private readonly MeetbotDialect dialect;
    private readonly bool bySubstring;
    private readonly Candidate[] candidates;

    // Candidate indexes in MeetBot's order (lower-case ordinal, first seen first on ties), for the published list.
    private readonly int[] published;
    private readonly bool[] mentioned;

    public Attribution(MeetingState m)
    {
        dialect = m.Dialect;
        bySubstring = m.Info.PublishesBySubstring;
        var nicks = m.AttendeeNicks;
        candidates = new Candidate[nicks.Count];
        var keys = new string[nicks.Count];
        published = new int[nicks.Count];
        mentioned = new bool[nicks.Count];
        for (var i = 0; i < candidates.Length; i++)
        {
            var (nick, lines) = (nicks[i], m.AttendeeLines[i]);
            var isBot = string.Equals(nick, m.Info.BotNick, StringComparison.Ordinal);
            var baseNick = NickVariants.BaseNick(nick);
            candidates[i] = new Candidate(nick, baseNick.Length > 0 ? baseNick : nick, baseNick, (lines > 0 || m.NickTargets.Contains(nick)) && !isBot);
            keys[i] = nick.ToLowerInvariant();
            published[i] = i;
        }

        Array.Sort(published, (a, b) => string.CompareOrdinal(keys[a], keys[b]) is var c && c != 0 ? c : a.CompareTo(b));
    }

    public (IReadOnlyList<string> Assignees, IReadOnlyList<string> Owners) Of(string text)
    {
        // Every rule needs the nick's base form somewhere in the text (any case): testing that first spares the
        // word-boundary searches for the attendees an action does not mention.
        var any = false;
        for (var i = 0; i < candidates.Length; i++)
        {
            mentioned[i] = text.Contains(candidates[i].Probe, StringComparison.OrdinalIgnoreCase);
            any |= mentioned[i];
        }

        if (!any)
        {
            return ([], []);
        }

        List<string>? assignees = null;
        if (dialect != MeetbotDialect.Matrix)
        {
            foreach (var i in published)
            {
                if (mentioned[i] && ActionAttribution.IsPublished(text, candidates[i].Nick, bySubstring))
                {
                    (assignees ??= []).Add(candidates[i].Nick);
                }
            }
        }

        List<string>? owners = null;
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            if (mentioned[i] && c.IsPerson && ActionAttribution.IsOwner(text, c.Nick, c.BaseNick))
            {
                (owners ??= []).Add(c.Nick);
            }
        }

        return (assignees is null ? [] : [.. assignees], owners is null ? [] : [.. owners]);
    }

    private readonly record struct Candidate(string Nick, string Probe, string BaseNick, bool IsPerson);
}
