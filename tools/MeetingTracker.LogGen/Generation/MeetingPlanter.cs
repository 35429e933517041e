using System.Globalization;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.LogGen.Generation;

/// <summary>
/// Plants what a team's meetings say about its projects into one meeting, as communities write it: ticket URLs in
/// chatter, items and actions (actions about tickets carried over like the others), <c>rhbz#N</c> and <c>LP: #N</c>,
/// a bare <c>bug N</c> after that bug's URL, repository addresses, and text that only looks like a reference (times,
/// versions, channels); and the team's long-running subjects under titles spelt a little differently each time.
/// Records every reference with the line it was said in (<see cref="References"/>), from what it wrote.
/// <para>
/// It draws only from <see cref="TeamPlanting.Rng"/>, never from the meeting's main stream, and never adds a minutes
/// entry where a later <c>#undo</c> of the main script could reach it, so the rest of the meeting is what it was
/// without it (only later timestamps move).
/// </para>
/// </summary>
internal sealed class MeetingPlanter
{
    private static readonly string[] PullChatter =
    [
        "I left a comment on {ref}", "the CI is red on {ref}, looking into it", "can someone look at {ref}?",
        "I rebased {ref} this morning", "who is reviewing {ref}?",
    ];

    private static readonly string[] IssueChatter =
    [
        "I commented on {ref}", "there is a workaround in {ref}", "can we close {ref}?", "more people hit {ref} this week",
        "I think {ref} is about {thing}",
    ];

    private static readonly string[] BugChatter =
    [
        "I can still reproduce {ref}", "the reporter of {ref} sent new logs", "is anyone looking at {ref}?",
        "upstream has a patch for {ref}", "{thing} crashes again, see {ref}",
    ];

    private static readonly string[] ClosingChatter =
    [
        "merged {ref}, thanks all", "closed {ref}, the fix ships in {area}-tools {version}", "{thing} works again since {ref}",
    ];

    private static readonly string[] TicketInfos =
    [
        "status of {ref}: waiting on review", "we are tracking {thing} in {ref}", "new report about {thing}: {ref}",
        "the installer hangs on {thing} (see {ref})",
    ];

    private static readonly string[] TicketIdeas = ["split {ref} into smaller changes", "close {ref} as a duplicate", "ask upstream to look at {ref}"];

    private static readonly string[] TicketAgreements = ["we treat {ref} as a release blocker", "merge {ref} after the freeze", "{thing} waits for {ref}"];

    private static readonly string[] BareBugs = ["bug {n} is the one that blocks {thing}", "is bug {n} fixed in the nightly yet?", "so bug #{n} again"];

    private static readonly string[] RepositoryLines =
    [
        "the sources are at {repo} if anyone wants to help", "I pushed the draft to {repo}", "newcomers can start from {repo}",
    ];

    private static readonly string[] Decoys =
    [
        "the test day starts at {time} UTC in #{area}-test", "{area}-tools {version} is out, please update",
        "ping me in #{area}-devel after {time}", "I'll be around at {time} tomorrow",
    ];

    private static readonly string[] Files = ["README.md", "CONTRIBUTING.md", "docs/index.md"];

    private readonly TeamPlanting team;
    private readonly MeetbotSimulation sim;
    private readonly IReadOnlyList<string> present;
    private readonly IReadOnlyDictionary<string, string> nickOf;
    private readonly string owner;
    private readonly bool ubuntu;
    private readonly int meeting;
    private readonly Queue<PlantedTicket> due = new();
    private readonly List<PlantedTicket> mentioned = [];
    private readonly List<PlantedTicket> linkedBugs = [];
    private readonly List<PlantedReference> references = [];
    private bool decoySaid;

    public MeetingPlanter(TeamPlanting team, MeetbotSimulation sim, IReadOnlyList<string> present, IReadOnlyDictionary<string, string> nickOf, string owner)
    {
        this.team = team;
        this.sim = sim;
        this.present = present;
        this.nickOf = nickOf;
        this.owner = owner;
        ubuntu = sim.Bot.Layout == ServerLayout.Ubuntu;
        meeting = team.MeetingsHeld++;
        if (team.OpenTickets.Count < 2 || Rng.NextDouble() < 0.4)
        {
            team.OpenTickets.Add(team.NewTicket());
        }

        // Most open tickets come up each week; a new one always does.
        foreach (var ticket in team.OpenTickets.Where(t => t == team.OpenTickets[^1] || Rng.NextDouble() < 0.75).OrderBy(_ => Rng.Next()).ToList())
        {
            due.Enqueue(ticket);
        }
    }

    /// <summary>Lines this planter said (the main script's cut-off of an unfinished meeting does not count them).</summary>
    public int Lines { get; private set; }

    public IReadOnlyList<PlantedReference> References => references;

    private Random Rng => team.Rng;

    /// <summary>The long-running subjects on this meeting's agenda, each a section of the meeting.</summary>
    public IEnumerable<Action> RecurringTopics() => team.Subjects.Where(s => s.IsDue(meeting)).Select(s => (Action)(() => Subject(s))).ToList();

    /// <summary>After a line of discussion: now and then a ticket, a bare bug number, a repository or a decoy.</summary>
    public void AfterChatter()
    {
        var roll = Rng.NextDouble();
        if (roll < 0.15)
        {
            if (due.Count > 0)
            {
                Pause(4, 40);
                TicketChatter(due.Dequeue());
            }
        }
        else if (roll < 0.22)
        {
            if (linkedBugs.Count > 0)
            {
                Pause(4, 40);
                var bug = linkedBugs[0];
                linkedBugs.RemoveAt(0);
                var text = Fill(Vocabulary.Pick(Rng, BareBugs).Replace("{n}", bug.Number, StringComparison.Ordinal));
                Say(Speaker(), text, new Mention(bug.Number, bug.Project.Key, bug.Project.Kind, bug.Number, PlantedForm.BareBug));
            }
        }
        else if (roll < 0.235)
        {
            Pause(4, 40);
            var repository = RepositoryMention();
            Say(Speaker(), Fill(Vocabulary.Pick(Rng, RepositoryLines)).Replace("{repo}", repository.Text, StringComparison.Ordinal), repository);
        }
        else if (roll < 0.26 && !decoySaid)
        {
            decoySaid = true;
            Pause(4, 40);
            Say(Speaker(), Fill(Vocabulary.Pick(Rng, Decoys)).Replace("{time}", Time(), StringComparison.Ordinal).Replace("{version}", Version(), StringComparison.Ordinal));
        }
    }

    /// <summary>At the end of a topic (after its last item): an item about a ticket, half the time.</summary>
    public void AtTopicEnd()
    {
        if (Rng.NextDouble() < 0.55 && (due.Count > 0 ? due.Dequeue() : team.OpenTickets.Count > 0 ? Vocabulary.Pick(Rng, team.OpenTickets) : null) is { } ticket)
        {
            Pause(5, 40);
            TicketItem(ticket);
        }
    }

    /// <summary>In the follow-up topic, after the other actions: the actions about tickets, carried over until done.</summary>
    public void FollowUpTickets()
    {
        var still = new List<TicketAction>();
        foreach (var action in team.TicketActions)
        {
            Pause(5, 40);
            Say(owner, action.Text + "?", action.Mention);
            var who = nickOf.GetValueOrDefault(action.Person) ?? owner;
            Pause(5, 60);
            if (action.WeeksLeft <= 0)
            {
                Say(who, "done");
                if (ubuntu)
                {
                    Item(owner, "done", ItemKind.Done, action.Text, action.Mention);
                }
                else
                {
                    Item(owner, "info", ItemKind.Info, "done: " + action.Text, action.Mention);
                }
            }
            else
            {
                Say(who, Vocabulary.Pick(Rng, ["still on it", "waiting for CI", "next week, sorry"]));
                Pause(3, 20);
                Item(owner, "action", ItemKind.Action, action.Text, action.Mention);
                still.Add(action with { WeeksLeft = action.WeeksLeft - 1 });
            }
        }

        team.TicketActions.Clear();
        team.TicketActions.AddRange(still);
    }

    /// <summary>When the meeting is over: tickets mentioned for the last time are closed.</summary>
    public void End()
    {
        foreach (var ticket in mentioned)
        {
            ticket.MeetingsLeft--;
            if (ticket.MeetingsLeft <= 0)
            {
                team.OpenTickets.Remove(ticket);
            }
        }
    }

    // A long-running subject: its tracking issue, some discussion, an item or two.
    private void Subject(RecurringSubject subject)
    {
        Pause(10, 60);
        sim.Topic(owner, Variant(subject.Title), ubuntu && Rng.NextDouble() < 0.4 ? "[TOPIC] " : "#topic ");
        Lines++;
        Chatter(1, 3);
        Pause(5, 30);
        if (subject.Tracking is null)
        {
            subject.Tracking = team.NewTicket(onRepository: true);
            var opened = Mention(subject.Tracking, urlOnly: true);
            Item(owner, "info", ItemKind.Info, "opened a tracking issue: " + opened.Text, opened);
        }
        else
        {
            var tracking = Mention(subject.Tracking, urlOnly: true);
            if (Rng.NextDouble() < 0.5)
            {
                Item(Speaker(), "link", ItemKind.Link, tracking.Text, tracking);
            }
            else
            {
                Item(owner, "info", ItemKind.Info, "progress is tracked in " + tracking.Text, tracking);
            }
        }

        Chatter(1, 4);
        if (due.Count > 0)
        {
            Pause(5, 30);
            TicketItem(due.Dequeue());
        }

        Pause(5, 30);
        if (!ubuntu && Rng.NextDouble() < 0.4)
        {
            Item(owner, "agreed", ItemKind.Agreed, Fill(Vocabulary.Pick(Rng, Vocabulary.Agreements)));
        }
        else
        {
            Item(Speaker(), "idea", ItemKind.Idea, Fill(Vocabulary.Pick(Rng, Vocabulary.Ideas)));
        }
    }

    // The subject's title as a chair types it this week: numbered, dated, in another case, with a colon.
    private string Variant(string title)
    {
        var text = Rng.Next(4) switch
        {
            0 => title.ToLowerInvariant(),
            1 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(title),
            _ => title,
        };
        text = Rng.Next(7) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"{Rng.Next(1, 7)}/ {text}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"{Rng.Next(1, 7)}. {text}"),
            2 => string.Create(CultureInfo.InvariantCulture, $"[{(char)('a' + Rng.Next(5))}] {text}"),
            _ => text,
        };
        text = Rng.Next(6) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"{text} ({sim.Now:yyyy-MM-dd})"),
            1 => string.Create(CultureInfo.InvariantCulture, $"{text} - {sim.Now:d MMM}"),
            _ => text,
        };
        return Rng.Next(6) switch
        {
            0 => text + ":",
            1 => text + "?",
            _ => text,
        };
    }

    private void Chatter(int min, int max)
    {
        var n = Rng.Next(min, max + 1);
        for (var i = 0; i < n; i++)
        {
            Pause(4, 50);
            Say(Speaker(), Fill(Vocabulary.Pick(Rng, Vocabulary.Chatter)));
            AfterChatter();
        }
    }

    private void TicketChatter(PlantedTicket ticket)
    {
        var templates = ticket.MeetingsLeft <= 1 ? ClosingChatter
            : ticket.Type switch
            {
                TicketType.PullRequest => PullChatter,
                TicketType.Issue => IssueChatter,
                _ => BugChatter,
            };
        var mention = Mention(ticket);
        Say(Speaker(), Text(Vocabulary.Pick(Rng, templates), mention), mention);
    }

    private void TicketItem(PlantedTicket ticket)
    {
        var speaker = Speaker();
        var roll = Rng.NextDouble();
        if (ticket.MeetingsLeft <= 1 || roll < 0.25)
        {
            var mention = Mention(ticket);
            Item(speaker, "info", ItemKind.Info, Text(Vocabulary.Pick(Rng, ticket.MeetingsLeft <= 1 ? ClosingChatter : TicketInfos), mention), mention);
        }
        else if (roll < 0.4)
        {
            var mention = Mention(ticket);
            Item(speaker, "idea", ItemKind.Idea, Text(Vocabulary.Pick(Rng, TicketIdeas), mention), mention);
        }
        else if (roll < 0.6)
        {
            var mention = Mention(ticket, urlOnly: true);
            if (Rng.NextDouble() < 0.3)
            {
                sim.BareLink(speaker, mention.Text);
                Lines++;
                Record(sim.LineCount, [mention]);
            }
            else
            {
                Item(speaker, "link", ItemKind.Link, mention.Text, mention);
            }
        }
        else if (roll < 0.75 && !ubuntu)
        {
            var mention = Mention(ticket);
            Item(owner, "agreed", ItemKind.Agreed, Text(Vocabulary.Pick(Rng, TicketAgreements), mention), mention);
        }
        else
        {
            var mention = Mention(ticket);
            var person = Vocabulary.Pick(Rng, nickOf.Keys.ToList());
            string[] verbs = ticket.Type switch
            {
                TicketType.PullRequest => ["review", "rebase", "test"],
                TicketType.Issue => ["triage", "reply on", "write up a fix for"],
                _ => ["reproduce", "test the fix for", "triage"],
            };
            var text = $"{person} to {Vocabulary.Pick(Rng, verbs)} {mention.Text}";
            Item(speaker, "action", ItemKind.Action, text, mention);
            team.TicketActions.Add(new TicketAction(text, person, Rng.Next(0, 4), mention));
        }
    }

    // How a ticket is written: its URL, or for a distribution's tracker often the short notation.
    private Mention Mention(PlantedTicket ticket, bool urlOnly = false)
    {
        if (!mentioned.Contains(ticket))
        {
            mentioned.Add(ticket);
        }

        var project = ticket.Project;
        var n = ticket.Number;
        if (!urlOnly && project.Forge == Forge.RedHatBugzilla && Rng.NextDouble() < 0.5)
        {
            return new Mention("rhbz#" + n, project.Key, project.Kind, n, PlantedForm.RedHatBugzilla);
        }

        if (!urlOnly && project.Forge == Forge.Launchpad && Rng.NextDouble() < 0.5)
        {
            return new Mention("LP: #" + n, project.Key, project.Kind, n, PlantedForm.Launchpad);
        }

        var pull = ticket.Type == TicketType.PullRequest;
        var url = project.Forge switch
        {
            Forge.GitHub => $"{project.Url}/{(pull ? "pull" : "issues")}/{n}",
            Forge.GitLab => $"{project.Url}/-/{(pull ? "merge_requests" : "issues")}/{n}",
            Forge.Pagure => $"{project.Url}/{(pull ? "pull-request" : "issue")}/{n}",
            Forge.RedHatBugzilla => $"{project.Url}/show_bug.cgi?id={n}",
            Forge.Launchpad => $"{project.Url}/{project.Path}/+bug/{n}",
            _ => $"{project.Url}/{n}",
        };
        if (project.IsTracker && !linkedBugs.Contains(ticket))
        {
            linkedBugs.Add(ticket);
        }

        return new Mention(url, project.Key, project.Kind, n, PlantedForm.TicketUrl);
    }

    // A repository's home, or a file in it.
    private Mention RepositoryMention()
    {
        var project = Vocabulary.Pick(Rng, team.Repositories);
        var file = Vocabulary.Pick(Rng, Files);
        var url = Rng.Next(3) switch
        {
            0 => project.Forge switch
            {
                Forge.GitHub => $"{project.Url}/blob/main/{file}",
                Forge.GitLab => $"{project.Url}/-/blob/main/{file}",
                _ => $"{project.Url}/blob/main/f/{file}",
            },
            _ => project.Url,
        };
        return new Mention(url, project.Key, project.Kind, null, PlantedForm.RepositoryUrl);
    }

    private string Text(string template, Mention mention) =>
        Fill(template).Replace("{version}", Version(), StringComparison.Ordinal).Replace("{ref}", mention.Text, StringComparison.Ordinal);

    private string Fill(string pattern) => Vocabulary.Fill(Rng, pattern, team.Area);

    private string Version() => string.Create(CultureInfo.InvariantCulture, $"{Rng.Next(1, 5)}.{Rng.Next(0, 20)}.{Rng.Next(0, 10)}");

    private string Time() => string.Create(CultureInfo.InvariantCulture, $"{Rng.Next(7, 22):00}:{Rng.Next(4) * 15:00}");

    private string Speaker() => Vocabulary.Pick(Rng, present);

    private void Pause(int min, int max) => sim.Wait(Rng.Next(min, max + 1));

    private void Say(string nick, string text, params Mention[] mentions)
    {
        var line = sim.Say(nick, text);
        Lines++;
        Record(line, mentions);
    }

    private void Item(string nick, string command, ItemKind kind, string text, params Mention[] mentions)
    {
        sim.Item(nick, command, kind, text);
        Lines++;
        Record(sim.LineCount, mentions);
    }

    private void Record(int line, Mention[] mentions)
    {
        foreach (var m in mentions)
        {
            references.Add(new PlantedReference(m.Key, m.Kind, m.Ticket, line, m.Form));
        }
    }
}
