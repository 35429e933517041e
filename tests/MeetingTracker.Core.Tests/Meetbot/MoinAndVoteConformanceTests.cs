using MeetingTracker.Core.Meetbot.Conformance;
using MeetingTracker.Core.Tests.Cli;

namespace MeetingTracker.Core.Tests.Meetbot;

/// <summary>The moin and vote checks of <c>meetingtracker conformance</c>: agree on agreeing files, and can disagree.</summary>
public sealed class MoinAndVoteConformanceTests
{
    private const string Log = """
        19:27 <bob> #startmeeting DMB
        19:27 <meetingology> Meeting started at 19:27:04 UTC.  The chair is bob.  Information about MeetBot at https://wiki.ubuntu.com/meetingology
        19:28 <bob> #topic Applications
        19:30 <bob> #vote alice for MOTU
        19:30 <bob> +1
        19:31 <carol> -1
        19:31 <dave> +1
        19:32 <bob> #endvote
        19:32 <meetingology> Voting ended on: alice for MOTU
        19:32 <meetingology> Votes for:2 Votes against:1 Abstentions:0
        19:32 <meetingology> Motion carried
        19:40 <bob> #endmeeting
        """;

    private const string Moin = """
        == Meeting information ==
         * #ubuntu-meeting: DMB, 24 Mar at 19:27 &mdash; 19:40 UTC



        == Meeting summary ==

        === Applications ===
        The discussion about "Applications" started at 19:28.

          * ''Vote:'' alice for MOTU (Carried)



        == Vote results ==

         * [[http://logs.example.org/x.log.html#4 alice for MOTU]]
          * Motion carried (For/Against/Abstained 2/1/0)



        == People present (lines said) ==

         * bob (6)
         * meetingology (4)
         * carol (1)
         * dave (1)



        == Full Log ==


        """;

    private const string Name = "ubuntu-meeting/2014/ubuntu-meeting.2014-03-24-19.27";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_moin_agreeing_with_its_log_passes_and_one_that_lost_a_vote_is_reported()
    {
        using var dir = new TempDir();
        dir.Write(Name + ".log.txt", Log);
        var moin = dir.Write(Name + ".moin.txt", Moin + EmbeddedLog());

        Assert.Empty(MoinConformance.Check(dir.Path, out var checks, out var files, Ct));
        Assert.Equal((4, 1), (checks, files));

        File.WriteAllText(moin, (Moin + EmbeddedLog()).Replace("  * ''Vote:'' alice for MOTU (Carried)", string.Empty, StringComparison.Ordinal)
            .Replace(" * [[http://logs.example.org/x.log.html#4 alice for MOTU]]\n  * Motion carried (For/Against/Abstained 2/1/0)", string.Empty, StringComparison.Ordinal));

        var lost = Assert.Single(MoinConformance.Check(dir.Path, out _, out _, Ct));
        Assert.Equal(("moin-vs-log-txt", "items"), (lost.Kind, lost.Check));
    }

    [Fact]
    public void Votes_counted_as_the_bot_announced_pass_and_a_miscount_is_reported()
    {
        using var dir = new TempDir();
        var log = dir.Write(Name + ".log.txt", Log);

        Assert.Empty(VoteConformance.Check(dir.Path, out var checks, Ct));
        Assert.Equal(1, checks);

        File.WriteAllText(log, Log.Replace("Votes for:2 Votes against:1", "Votes for:3 Votes against:1", StringComparison.Ordinal));

        var miscount = Assert.Single(VoteConformance.Check(dir.Path, out _, Ct));
        Assert.Equal("'alice for MOTU': counted 2/1/0, the bot announced 3/1/0", miscount.Detail);
    }

    // The moin's "Full Log": every line as " HH:MM <nick> text", a blank line between them.
    private static string EmbeddedLog() => string.Join("\n\n", Log.Split('\n').Select(l => " " + l)) + "\n";
}
