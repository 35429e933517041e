using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.LogGen.Generation;

/// <summary>
/// Plays one weekly meeting of a team through a <see cref="MeetbotSimulation"/>: start, chairs, roll call, follow-up
/// of the team's open actions (carried over verbatim until done), a few topics with chatter and items, mistakes
/// fixed with #undo, commands from non-chairs that MeetBot ignores, OpenStack and meetingology votes, and the end. This file is over
/// 200 lines because it is one script read top to bottom; splitting it would scatter the meeting's flow.
/// </summary>
internal sealed class MeetingScript(Team team, MeetbotSimulation sim, Random rng)
{
    private readonly List<string> present = [];
    private readonly Dictionary<string, string> nickOf = new(StringComparer.Ordinal);
    private readonly Queue<string> topics = new();
    private string owner = string.Empty;
    private bool markupSaid;
    private MeetingPlanter planter = null!;

    /// <summary>Whether someone pastes HTML into the channel (see <see cref="Markup"/>).</summary>
    public bool PastesMarkup { get; init; }

    /// <summary>The references planted in the meeting, with their lines (after <see cref="Play"/>).</summary>
    public IReadOnlyList<PlantedReference> References => planter.References;

    /// <summary>Plays the meeting; <paramref name="stopAfterLines"/> cuts it off unfinished after that many lines.</summary>
    public bool Play(string? startText, int? stopAfterLines)
    {
        Arrive();
        owner = nickOf[team.Leads[rng.Next(team.Leads.Count)]];
        planter = new MeetingPlanter(team.Planting, sim, present, nickOf, owner);
        sim.StartMeeting(owner, startText, sim.Bot.StartSetsName ? MeetingNameOf(startText) : null);
        if (team.RenameTo is { } rename)
        {
            Pause(3, 10);
            sim.SetMeetingName(owner, rename);
        }

        if (rng.NextDouble() < 0.7)
        {
            Pause(3, 15);
            var chairs = present.Where(n => n != owner).OrderBy(_ => rng.Next()).Take(rng.Next(1, 3)).ToList();
            if (rng.NextDouble() < 0.3)
            {
                chairs.Add(team.Members.Count > 0 ? team.Members[^1] : "guest42");
            }

            if (chairs.Count > 0)
            {
                sim.Chair(owner, chairs.Distinct(StringComparer.Ordinal).ToList());
            }
        }

        foreach (var title in Vocabulary.TopicTitles[3..].OrderBy(_ => rng.Next()))
        {
            topics.Enqueue(title);
        }

        var sections = new List<Action> { RollCall, FollowUp };
        var topicCount = rng.Next(2, 5);
        for (var t = 0; t < topicCount; t++)
        {
            sections.Add(RegularTopic);
        }

        // The team's long-running subjects go among the regular topics (placed by the planter's stream).
        foreach (var subject in planter.RecurringTopics())
        {
            sections.Insert(2 + team.Planting.Rng.Next(sections.Count - 1), subject);
        }

        if (sim.Bot.Layout == ServerLayout.OpenStack && rng.NextDouble() < 0.3)
        {
            sections.Add(Vote);
        }

        if (Ubuntu && rng.NextDouble() < 0.75)
        {
            // meetingology keeps #voters for the rest of the meeting: every later vote is restricted too.
            var voters = new List<string>();
            sections.Add(() => new MeetingologyVoteScript(sim, rng, present, owner, team, voters).Play());
            if (rng.NextDouble() < 0.2)
            {
                sections.Add(() => new MeetingologyVoteScript(sim, rng, present, owner, team, voters).Play());
            }
        }

        sections.Add(OpenFloor);
        foreach (var section in sections)
        {
            section();
            // The planter's lines do not count, so the meeting is cut where it was before they were planted.
            if (stopAfterLines is { } stop && sim.LineCount - planter.Lines >= stop)
            {
                // The realtime writer last saved after a human line: end on one.
                Pause(5, 30);
                Chat(Vocabulary.Pick(rng, present));
                planter.End();
                return false;
            }
        }

        // (Not on OpenStack, where anyone may end a meeting that ran past its 60 minutes.)
        if (sim.Bot.Layout != ServerLayout.OpenStack && rng.NextDouble() < 0.08 && present.FirstOrDefault(n => !sim.IsChair(n)) is { } eager)
        {
            Pause(5, 20);
            sim.Say(eager, "#endmeeting");
        }

        Pause(5, 40);
        sim.Say(owner, "#endmeeting");
        planter.End();
        return true;
    }

    private bool Ubuntu => sim.Bot.Layout == ServerLayout.Ubuntu;

    private static string? MeetingNameOf(string? startText) =>
        startText is null ? null : string.Join('_', startText.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private void Arrive()
    {
        foreach (var person in team.Everyone)
        {
            var isLead = team.Leads.Contains(person);
            if (isLead || rng.NextDouble() < 0.8)
            {
                var nick = isLead ? person : Nicks.Today(rng, person);
                nickOf[person] = nick;
                present.Add(nick);
            }
        }
    }

    private void Pause(int min, int max) => sim.Wait(rng.Next(min, max + 1));

    private string Speaker() => Vocabulary.Pick(rng, present);

    private void Chat(string nick) => sim.Say(nick, Vocabulary.Fill(rng, Vocabulary.Pick(rng, Vocabulary.Chatter), team.Area));

    private void Discussion(int min, int max)
    {
        var n = rng.Next(min, max + 1);
        for (var i = 0; i < n; i++)
        {
            Pause(4, 50);
            if (rng.NextDouble() < 0.06)
            {
                sim.Me(Speaker(), Vocabulary.Pick(rng, Vocabulary.Emotes));
            }
            else if (rng.NextDouble() < 0.1 && present.Count > 1)
            {
                var speaker = Speaker();
                var other = present.Where(n => n != speaker).ElementAt(rng.Next(present.Count - 1));
                sim.Say(speaker, other + ": " + Vocabulary.Fill(rng, Vocabulary.Pick(rng, Vocabulary.Chatter), team.Area));
            }
            else
            {
                Chat(Speaker());
            }

            planter.AfterChatter();
        }
    }

    private void RollCall()
    {
        if (rng.NextDouble() < 0.4)
        {
            return;
        }

        Pause(5, 20);
        sim.Topic(owner, "Roll call");
        foreach (var nick in present.OrderBy(_ => rng.Next()))
        {
            Pause(2, 20);
            var roll = rng.NextDouble();
            if (sim.Bot.Layout == ServerLayout.Fedora && roll < 0.4)
            {
                sim.Say(nick, ".hello2");
                sim.BotSays($"{nick}: {nick} '{Capitalized(nick)}' <{nick.Replace("|", "_", StringComparison.Ordinal)}@example.org>");
            }
            else if (roll < 0.55)
            {
                sim.Me(nick, "waves");
            }
            else
            {
                Chat(nick);
            }
        }
    }

    private void FollowUp()
    {
        if (team.OpenActions.Count == 0 || rng.NextDouble() < 0.1)
        {
            return;
        }

        Pause(5, 30);
        sim.Topic(owner, "Follow-up on action items");
        var still = new List<OpenAction>();
        foreach (var action in team.OpenActions)
        {
            Pause(5, 40);
            sim.Say(owner, action.Text + "?");
            var who = nickOf.GetValueOrDefault(action.Person) ?? owner;
            Pause(5, 60);
            if (action.WeeksLeft <= 0)
            {
                sim.Say(who, "done");
                if (Ubuntu)
                {
                    sim.Item(owner, "done", ItemKind.Done, action.Text);
                }
                else
                {
                    sim.Item(owner, "info", ItemKind.Info, "done: " + action.Text);
                }
            }
            else
            {
                sim.Say(who, Vocabulary.Pick(rng, ["still on it", "not yet, sorry", "half way there", "next week"]));
                Pause(3, 20);
                sim.Item(owner, "action", ItemKind.Action, action.Text);
                still.Add(action with { WeeksLeft = action.WeeksLeft - 1 });
            }
        }

        team.OpenActions.Clear();
        team.OpenActions.AddRange(still);
        planter.FollowUpTickets();
    }

    private void RegularTopic()
    {
        Pause(10, 60);
        var topic = NextTopic();
        if (rng.NextDouble() < 0.05 && present.FirstOrDefault(n => !sim.IsChair(n)) is { } bystander)
        {
            sim.Topic(bystander, topic);
            Pause(3, 10);
        }

        sim.Topic(owner, topic, Ubuntu && rng.NextDouble() < 0.4 ? "[TOPIC] " : "#topic ");
        if (Ubuntu && rng.NextDouble() < 0.3)
        {
            Discussion(1, 3);
            Pause(5, 20);
            sim.Item(owner, "subtopic", ItemKind.Subtopic, Vocabulary.Pick(rng, Vocabulary.Things));
        }

        Discussion(2, 8);
        if (PastesMarkup && !markupSaid)
        {
            Markup();
        }

        var items = rng.Next(1, 5);
        for (var i = 0; i < items; i++)
        {
            Pause(5, 40);
            OneItem();
            Discussion(0, 4);
        }

        // After the topic's last item, where no #undo of this topic can reach a planted one.
        planter.AtTopicEnd();
    }

    private void OneItem()
    {
        var roll = rng.NextDouble();
        var speaker = Speaker();
        string Fill(string[] patterns) => Vocabulary.Fill(rng, Vocabulary.Pick(rng, patterns), team.Area);
        switch (roll)
        {
            case < 0.25:
                sim.Item(speaker, "info", ItemKind.Info, Fill(Vocabulary.Infos));
                break;
            case < 0.35:
                sim.Item(speaker, "idea", ItemKind.Idea, Fill(Vocabulary.Ideas));
                break;
            case < 0.47:
                Link(speaker);
                break;
            case >= 0.47 and < 0.68 when Ubuntu:
                // meetingology's generated meetings keep to the commands every era of it knows.
                sim.Item(speaker, "info", ItemKind.Info, Fill(Vocabulary.Infos));
                break;
            case < 0.52:
                sim.Item(speaker, rng.NextDouble() < 0.5 ? "help" : "halp", ItemKind.Help, Fill(Vocabulary.Helps));
                break;
            case < 0.65:
                // Sometimes a non-chair tries: MeetBot logs it and adds nothing.
                sim.Item(rng.NextDouble() < 0.15 ? speaker : owner, rng.NextDouble() < 0.8 ? "agreed" : "agree", ItemKind.Agreed, Fill(Vocabulary.Agreements));
                break;
            case < 0.68:
                var accepted = rng.NextDouble() < 0.5;
                sim.Item(owner, accepted ? "accepted" : "rejected", accepted ? ItemKind.Accepted : ItemKind.Rejected, Fill(Vocabulary.Ideas));
                break;
            case < 0.93:
                NewAction(speaker);
                break;
            default:
                Mistake(speaker);
                break;
        }
    }

    private void Link(string speaker)
    {
        var url = Vocabulary.Url(rng, team.Area);
        var roll = rng.NextDouble();
        if (roll < 0.2)
        {
            sim.BareLink(speaker, url);
        }
        else if (roll < 0.45)
        {
            sim.Item(speaker, "link", ItemKind.Link, Vocabulary.Pick(rng, ["Board:", "Agenda:", "see", "notes at"]) + " " + url);
        }
        else
        {
            sim.Item(speaker, "link", ItemKind.Link, roll < 0.6 ? url + " (draft)" : url);
        }
    }

    private void NewAction(string speaker)
    {
        var person = Vocabulary.Pick(rng, team.Everyone.ToList());
        if (!nickOf.ContainsKey(person) && rng.NextDouble() < 0.5)
        {
            // Absent: make MeetBot aware of the nick so the action can be credited.
            sim.Nick(speaker, [person]);
            Pause(2, 10);
        }

        var named = rng.NextDouble() < 0.1 ? Capitalized(person) : person;
        var text = $"{named} to {Vocabulary.Pick(rng, Vocabulary.Verbs)} {Vocabulary.Pick(rng, Vocabulary.Things)}";
        if (rng.NextDouble() < 0.15)
        {
            text = "someone to " + Vocabulary.Pick(rng, Vocabulary.Verbs) + " " + Vocabulary.Pick(rng, Vocabulary.Things);
        }

        sim.Item(speaker, "action", ItemKind.Action, text);
        team.OpenActions.Add(new OpenAction(text, person, rng.Next(0, 4)));
    }

    // An item said by mistake, then #undo (sometimes first by someone who may not undo).
    private void Mistake(string speaker)
    {
        sim.Item(speaker, "info", ItemKind.Info, "this was meant for the " + Vocabulary.Pick(rng, Vocabulary.Areas) + " channel");
        Pause(3, 15);
        if (!sim.IsChair(speaker) && rng.NextDouble() < 0.5)
        {
            sim.Undo(speaker, Address());
            Pause(3, 10);
        }

        sim.Undo(owner, Address());
        if (rng.NextDouble() < 0.2 && sim.Minutes.Count > 0 && sim.Minutes[^1].Kind is null)
        {
            // Undoing once more takes the topic away, as MeetBot's #undo removes any last entry.
            Pause(3, 10);
            sim.Undo(owner, Address());
            sim.Topic(owner, NextTopic());
        }
    }

    // HTML pasted into the channel, as happens: the site's fixture for "log text is never markup". Draws nothing from
    // the random stream, so every other meeting stays the same bytes.
    private void Markup()
    {
        markupSaid = true;
        sim.Wait(7);
        sim.Say(owner, "pasting this into the old wiki ran it: <script>alert(1)</script> and <img src=x onerror=alert(1)>");
        sim.Wait(9);
        sim.Item(owner, "info", ItemKind.Info, "never paste <img src=x onerror=alert(1)> or <script>alert(1)</script> into the wiki");
    }

    private void Vote()
    {
        Pause(10, 40);
        var question = "Should we " + Vocabulary.Pick(rng, Vocabulary.Verbs) + " " + Vocabulary.Pick(rng, Vocabulary.Things) + " this cycle";
        string[] options = rng.NextDouble() < 0.5 ? ["Yes", "No"] : ["Yes", "No", "Abstain"];
        sim.Say(owner, $"#startvote {question}? {string.Join(", ", options)}");
        sim.BotSays($"Begin voting on: {question}? Valid vote options are {string.Join(", ", options)}.");
        sim.BotSays("Vote using '#vote OPTION'. Only your last vote counts.");
        var votes = new OpenStackTally(options);
        foreach (var nick in present.OrderBy(_ => rng.Next()).Take(rng.Next(1, present.Count + 1)))
        {
            Pause(3, 25);
            var choice = Vocabulary.Pick(rng, options);
            var typed = rng.NextDouble() < 0.3 ? choice.ToLowerInvariant() : choice;
            sim.Say(nick, "#vote " + typed);
            votes.Cast(nick, typed);
        }

        Pause(5, 20);
        var endLine = sim.Say(owner, "#endvote");
        sim.AddItem(ItemKind.Vote, votes.Result(question), owner, endLine);
        sim.BotSays($"Voted on \"{question}?\" Results are");
        foreach (var reply in votes.ShowLines())
        {
            sim.BotSays(reply);
        }
    }

    private void OpenFloor()
    {
        if (rng.NextDouble() < 0.4)
        {
            return;
        }

        Pause(10, 40);
        sim.Topic(owner, "Open floor");
        Discussion(1, 6);
    }

    // Topic titles without repeats (the list is longer than any meeting needs).
    private string NextTopic() => topics.Count > 0 ? topics.Dequeue() : "Other business";

    private long Address() => 0x7f00_0000_0000L + (rng.NextInt64(0, 0x10_0000) * 16);

    private static string Capitalized(string nick) => char.ToUpperInvariant(nick[0]) + nick[1..];
}
