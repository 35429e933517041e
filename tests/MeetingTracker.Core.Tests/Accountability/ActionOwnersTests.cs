using MeetingTracker.Core.Accountability;

namespace MeetingTracker.Core.Tests.Accountability;

/// <summary>The owner rule (ADR 9, "Who owns an action") as a table of cases, and the common-word statistic.</summary>
public sealed class ActionOwnersTests
{
    // zhangwei 1, alice 2, bob_ 3 (base bob), carol[m] 4 (base carol), will 5 (a common word here), foo-bar|x 6, dana 7.
    private static readonly NickIndex Nicks = NickIndex.Build(
        [("zhangwei", 1), ("alice", 2), ("bob_", 3), ("carol[m]", 4), ("will", 5), ("foo-bar|x", 6), ("foo-bar", 6), ("dana", 7)]);

    private static readonly HashSet<string> Common = ["will"];

    [Theory]
    [InlineData("zhangwei to benchmark the docs site", "1 zhangwei")] // the leading nick (MeetBot's convention)
    [InlineData("alice: update the wiki", "2 alice")] // nick:
    [InlineData("ping @alice about the wiki", "2 alice")] // @nick
    [InlineData("alice, dana to review the notes", "2 alice; 7 dana")] // nick, (and a second owner)
    [InlineData("review the notes (alice)", "2 alice")] // (nick)
    [InlineData("ask alice and dana about the wiki", "2 alice; 7 dana")] // mid-sentence names
    [InlineData("ZhangWei to check the mirror", "1 ZhangWei")] // any case, written as written
    [InlineData("bob to fix the mirror", "3 bob")] // base nick of the alias bob_
    [InlineData("carol to fix the mirror", "4 carol")] // base nick of the alias carol[m]
    [InlineData("zhangwei_ and carol[m] to fix it", "1 zhangwei_; 4 carol[m]")] // a decorated nick as written
    [InlineData("foo-bar to tag the release", "6 foo-bar")] // IRC nick characters inside a nick
    [InlineData("someone will check the mirrors", "")] // a common-word nick mid-sentence is the word
    [InlineData("ask will, then the mirrors", "")] // ... even followed by a comma or a colon
    [InlineData("Will to check the mirrors", "5 Will")] // ... but leading, it is the person
    [InlineData("will: check the mirrors", "5 will")]
    [InlineData("ask @will about the mirrors", "5 will")] // ... and with @
    [InlineData("fix malice in alicessa's zhangwei-tools", "")] // a nick inside a longer word is not the nick
    [InlineData("alice to ask alice", "2 alice")] // each person once
    [InlineData("nobody named here", "")]
    public void An_action_is_owned_by_every_known_person_it_names(string text, string expected)
    {
        var owners = ActionOwners.Of(text, Nicks, Common);

        Assert.Equal(expected, string.Join("; ", owners.Select(o => $"{o.PersonId} {o.Nick}")));
    }

    [Fact]
    public void A_bot_owns_nothing_even_when_its_nick_is_a_person()
    {
        var owners = ActionOwners.Of("alice and dana to post the minutes", Nicks, Common, n => n == "dana");

        Assert.Equal([2], owners.Select(o => o.PersonId));
    }

    [Fact]
    public void A_nick_is_a_common_word_when_missed_meetings_use_it_more_than_attended_ones_and_at_least_three()
    {
        // will (5) attended meetings 1-2; "will" is written in meetings 1-6. zhangwei (1) attended 1-5, named in 1-7.
        // alice (2) attended 1-3, named in 1-6 (3 missed, 3 attended: not more). dana (7) attended none, named in 1-2.
        var attended = new HashSet<(int, int)> { (5, 1), (5, 2), (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (2, 1), (2, 2), (2, 3) };
        var items = Enumerable.Range(1, 6).Select(m => (m, "we will see"))
            .Concat(Enumerable.Range(1, 7).Select(m => (m, "#action zhangwei to benchmark")))
            .Concat(Enumerable.Range(1, 6).Select(m => (m, "Alice said so")))
            .Concat(Enumerable.Range(1, 2).Select(m => (m, "dana: look")))
            .Append((1, "Will will will")); // several uses in one meeting count once

        var common = CommonWordNicks.Compute(items, Nicks, (p, m) => attended.Contains((p, m)));

        Assert.Equal(["will"], common);
    }

    [Fact]
    public void The_index_drops_a_base_nick_two_people_share_and_prefers_an_alias_to_a_base_nick()
    {
        var nicks = NickIndex.Build([("sam_", 1), ("sam|away", 2), ("tom_", 3), ("tom", 4)]);

        Assert.Equal((null, 1, 2, 4, 3), (nicks.Find("sam"), nicks.Find("SAM_"), nicks.Find("sam|away"), nicks.Find("tom"), nicks.Find("tom_")));
    }
}
