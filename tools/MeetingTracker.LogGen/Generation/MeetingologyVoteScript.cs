using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetbot.Writing;

namespace MeetingTracker.LogGen.Generation;

/// <summary>
/// One meetingology vote as a chair runs it: sometimes <c>#voters</c> first (then others' votes are ignored, in this
/// vote and every later one of the meeting: <paramref name="voters"/> is the meeting's list, empty for everyone),
/// <c>#vote motion</c> (or <c>[VOTE]</c>), <c>+1</c>/<c>-1</c>/<c>+0</c>/<c>0</c>/<c>-0</c> with or without a comment,
/// acknowledged by the bot, some changed later (the last counts), and <c>#endvote</c>, whose line carries the VOTE
/// item <c>motion (Carried)</c> or <c>motion (Denied)</c> with its <see cref="VoteRecord"/>. The bot's words follow
/// the meeting's era.
/// </summary>
internal sealed class MeetingologyVoteScript(MeetbotSimulation sim, Random rng, IReadOnlyList<string> present, string owner, Team team, List<string> voters)
{
    private static readonly string[] Comments = ["great work", "[ I'd like to see more Debian work ]", "sorry, not yet", "well deserved", "keep it up"];

    public void Play()
    {
        var era = MeetingologyEras.Of(sim.Now);
        var newEra = era == MeetingologyEra.New;
        if (rng.NextDouble() < 0.3 && present.Count > 2)
        {
            var named = present.OrderBy(_ => rng.Next()).Take(rng.Next(2, present.Count)).ToList();
            voters.AddRange(named.Where(n => !voters.Contains(n, StringComparer.Ordinal)));
            sim.Say(owner, "#voters " + string.Join(' ', named));
            sim.BotSays("Current voters: " + string.Join(newEra ? ", " : " ", voters.Order(StringComparer.Ordinal)));
            sim.Wait(rng.Next(3, 15));
        }

        var question = rng.NextDouble() < 0.5
            ? $"grant {Vocabulary.Pick(rng, present)} membership of ~ubuntu-{team.Area}"
            : $"{Vocabulary.Pick(rng, Vocabulary.Verbs)} {Vocabulary.Pick(rng, Vocabulary.Things)} this cycle";
        sim.Say(owner, (rng.NextDouble() < 0.3 ? "[VOTE] " : "#vote ") + question);
        sim.BotSays("Please vote on: " + question);
        sim.BotSays(newEra
            ? "Public votes can be registered by saying +1, -1 or +0 in channel (for private voting, private message me with 'vote +1|-1|+0 #channelname')"
            : "Public votes can be registered by saying +1, +0 or -1 in channel, (private votes don't work yet, but when they do it will be by messaging the channel followed by +1/-1/+0 to me)");
        var tally = new MeetingologyTally(question, voters.Count == 0 ? null : [.. voters]);
        var inFavour = rng.NextDouble();
        foreach (var nick in present.OrderBy(_ => rng.Next()).Take(rng.Next(1, present.Count + 1)))
        {
            Vote(tally, nick, inFavour);
            if (rng.NextDouble() < 0.1)
            {
                // Changed their mind: only the last vote counts.
                Vote(tally, nick, 1 - inFavour);
            }
        }

        sim.Wait(rng.Next(5, 20));
        var end = sim.Say(owner, "#endvote");
        var carried = tally.Carried(0);
        sim.BotSays("Voting ended on: " + question);
        sim.BotSays(newEra
            ? $"Votes for: {tally.For}, Votes against: {tally.Against}, Abstentions: {tally.Abstained}"
            : $"Votes for:{tally.For} Votes against:{tally.Against} Abstentions:{tally.Abstained}");
        sim.BotSays(carried ? "Motion carried" : "Motion denied");
        sim.AddItem(ItemKind.Vote, $"{question} ({(carried ? "Carried" : "Denied")})", owner, end, tally.Record(0, era));
    }

    private void Vote(MeetingologyTally tally, string nick, double inFavour)
    {
        sim.Wait(rng.Next(2, 20));
        var roll = rng.NextDouble();
        var vote = roll < inFavour ? 1 : roll < inFavour + ((1 - inFavour) * 0.7) ? -1 : 0;
        var typed = vote switch { 1 => "+1", -1 => "-1", _ => Vocabulary.Pick(rng, ["+0", "0", "-0"]) };
        if (rng.NextDouble() < 0.25)
        {
            typed += " " + Vocabulary.Pick(rng, Comments);
        }

        sim.Say(nick, typed);
        if (tally.MayVote(nick))
        {
            tally.Cast(nick, vote);
            sim.BotSays(typed + " received from " + nick);
        }
    }
}
