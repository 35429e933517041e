namespace MeetingTracker.LogGen.Generation;

/// <summary>
/// Words and sentence patterns for synthetic meetings. Texts are single-spaced, never start with an
/// <c>UPPERCASE:</c> label and never contain "  (" so that every minutes format can carry them losslessly; a few
/// carry <c>&amp; &lt; &gt;</c>, accents, CJK and emoji on purpose.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] Areas =
    [
        "infra", "docs", "qa", "design", "websites", "marketing", "kernel", "mirrors", "security", "translations",
        "packaging", "release", "cloud", "iot", "server", "workstation", "badges", "mentors", "budget", "community",
    ];

    public static readonly string[] Things =
    [
        "the mirror", "the build farm", "the wiki page", "the release notes", "the test matrix", "the CI pipeline",
        "the signing key", "the DNS records", "the backup job", "the docs site", "the package review", "the badge artwork",
        "the proxy config", "the installer", "the translation memory", "the issue tracker", "the mailing list archive",
        "the storage quota", "the TLS certificates", "the meeting agenda",
    ];

    public static readonly string[] Verbs =
    [
        "fix", "update", "review", "document", "test", "migrate", "clean up", "rebuild", "check", "announce", "triage",
        "benchmark", "rotate", "write up",
    ];

    public static readonly string[] TopicTitles =
    [
        "Roll call", "Follow-up on action items", "Open floor", "Release status", "Tickets", "Upcoming events",
        "Infrastructure changes", "Documentation sprint", "Budget review", "New contributors", "Outage postmortem",
        "Release blockers", "Mentoring program", "Packaging queue", "Test days", "Planning for next cycle",
    ];

    /// <summary>
    /// Long-running subjects a team comes back to every few meetings (none is in <see cref="TopicTitles"/>, so a team's
    /// count of one is only its own).
    /// </summary>
    public static readonly string[] Subjects =
    [
        "Migration to the new CI", "Mirror network refresh", "Website redesign", "Retiring the old wiki", "Matrix bridge",
        "Accessibility review", "Onboarding guide rewrite", "Storage migration", "Flaky tests", "Code of conduct update",
        "Translation platform move", "Security audit findings",
    ];

    public static readonly string[] Infos =
    [
        "{thing} is back to normal since Tuesday",
        "we now have {n} open tickets, down from {m}",
        "{thing} was migrated & verified",
        "use <code> tags for inline commands in {thing}",
        "the café in Zürich hosts the next meetup",
        "naïve retries made {thing} slower, see the graphs",
        "会议记录 are now translated for the {area} team",
        "{area} survey results are in 🎉",
        "about {n}% of jobs passed on the first try",
        "the new contributor guide is live for {area}",
        "{thing} needs a maintainer > 1 person",
        "tests for {thing} pass on x86_64 and aarch64",
    ];

    public static readonly string[] Ideas =
    [
        "automate {thing} with a nightly job",
        "hold a test day for {thing}",
        "move {thing} to the new cluster",
        "pair new contributors with mentors for {thing}",
        "write a FAQ about {thing}",
        "record a short video about {thing} ✨",
    ];

    public static readonly string[] Agreements =
    [
        "we ship {thing} next week",
        "{thing} stays frozen until the release",
        "meetings move to the new time slot from next month",
        "no new features for {thing} this cycle",
        "the {area} team owns {thing}",
    ];

    public static readonly string[] Helps =
    [
        "need reviewers for {thing}",
        "looking for someone who knows {thing}",
        "volunteers wanted for the {area} booth",
    ];

    public static readonly string[] Chatter =
    [
        "hi all", "hello", "o/", "morning", "evening everyone", "sorry, I'm late", "+1", "agreed", "makes sense",
        "I can take a look", "not sure about that", "let's discuss on the list", "sounds good to me", "thanks!",
        "any objections?", "I think {thing} is fine now", "did anyone check {thing}?", "no news from my side",
        "I'll be away next week", "ack", "that's a good point", "we should ask upstream", "will do",
        "let me find the link", "the graphs look better", "who is working on {thing}?", "it's on my list",
        "I tested it yesterday, works for me", "can we move on?", "one more thing about {thing}",
        "je pense que c'est bon", "das klingt gut", "謝謝", "👍", "lol", "brb", "back",
    ];

    public static readonly string[] Emotes =
    [
        "waves", "is here", "grabs coffee", "is lurking", "has to leave early", "looks at the graphs", "nods",
        "is on a train, connection may drop",
    ];

    public static readonly string[] Hosts =
    [
        "https://git.example.org/{area}/issues/{n}", "https://docs.example.org/{area}/guide.html",
        "https://wiki.example.org/{Area}/Meetings", "https://pad.example.net/p/{area}-{n}",
        "https://ci.example.com/job/{area}/{n}/console", "https://lists.example.org/archives/{area}/2026/{n}",
    ];

    public static T Pick<T>(Random rng, IReadOnlyList<T> list) => list[rng.Next(list.Count)];

    /// <summary>Fills <c>{thing}</c>, <c>{area}</c>, <c>{Area}</c>, <c>{n}</c> and <c>{m}</c>.</summary>
    public static string Fill(Random rng, string pattern, string area)
    {
        var n = rng.Next(2, 400);
        return pattern
            .Replace("{thing}", Pick(rng, Things), StringComparison.Ordinal)
            .Replace("{area}", area, StringComparison.Ordinal)
            .Replace("{Area}", char.ToUpperInvariant(area[0]) + area[1..], StringComparison.Ordinal)
            .Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{m}", (n + rng.Next(1, 50)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    public static string Url(Random rng, string area) => Fill(rng, Pick(rng, Hosts), area);
}
