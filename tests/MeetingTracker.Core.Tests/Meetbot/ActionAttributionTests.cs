using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Meetbot;

/// <summary>The reference's verified-by-running example (§2.1, §2.2): attendees alice, bob, carol, Dave_, erin.</summary>
public sealed class ActionAttributionTests
{
    private static readonly string[] Attendees = ["alice", "bob", "carol", "Dave_", "erin"];

    [Theory]
    [InlineData("bob to update the docs", "bob")]
    [InlineData("bobby will file a ticket", "bob")]
    [InlineData("erin: check ünïcode", "erin")]
    [InlineData("Carol and dave_ review the patch", "")]
    [InlineData("someone should write a blog post", "")]
    public void Release_0_1_4_matches_case_sensitive_substrings(string text, string expected)
        => Assert.Equal(Split(expected), ActionAttribution.Published(text, Attendees, MeetbotDialect.Meetbot014));

    [Theory]
    [InlineData(MeetbotDialect.MeetbotLater)]
    [InlineData(MeetbotDialect.OpenStack)]
    [InlineData(MeetbotDialect.Meetingology)]
    public void Later_dialects_match_whole_words_in_any_case(MeetbotDialect dialect)
    {
        Assert.Equal(["bob"], ActionAttribution.Published("bob to update the docs", Attendees, dialect));
        Assert.Empty(ActionAttribution.Published("bobby will file a ticket", Attendees, dialect));
        Assert.Equal(["carol", "Dave_"], ActionAttribution.Published("Carol and dave_ review the patch", Attendees, dialect));
    }

    [Fact]
    public void Matrix_minutes_attribute_nothing()
        => Assert.Empty(ActionAttribution.Published("bob to update the docs", Attendees, MeetbotDialect.Matrix));

    [Fact]
    public void One_action_can_belong_to_several_people_in_meetbot_order()
        => Assert.Equal(["alice", "bob"], ActionAttribution.Published("bob and alice pair on it", ["bob", "alice"], MeetbotDialect.Meetbot014));

    [Theory]
    [InlineData("dave to review", "Dave_")]
    [InlineData("BOB to update the docs", "bob")]
    [InlineData("bobby will file a ticket", "")]
    [InlineData("ask alice|away about it", "alice,alice|away")]
    [InlineData("Alice will ask", "alice,alice|away")]
    public void Owners_are_whole_words_any_case_and_alias_aware(string text, string expected)
        => Assert.Equal(Split(expected), ActionAttribution.Owners(text, [.. Attendees, "alice|away"]));

    [Theory]
    [InlineData("bob_", "bob")]
    [InlineData("bob__", "bob")]
    [InlineData("bob|away", "bob")]
    [InlineData("bob[m]", "bob")]
    [InlineData("bob[mds]", "bob")]
    [InlineData("@bob:fedora.im", "bob")]
    [InlineData("_", "_")]
    [InlineData("bob", "bob")]
    public void Base_nick_drops_decorations(string nick, string expected) => Assert.Equal(expected, NickVariants.BaseNick(nick));

    /// <summary>The hand-written boundary check agrees with Python 2's ASCII (and .NET's ECMAScript) <c>\bnick\b</c>, re.I, odd cases included: next to <c>|</c> or <c>[</c> a boundary needs a word character.</summary>
    [Theory]
    [InlineData("bob to fix", "bob", true)]
    [InlineData("ask BOB.", "bob", true)]
    [InlineData("bobby", "bob", false)]
    [InlineData("kebob", "bob", false)]
    [InlineData("dave_ and x", "Dave_", true)]
    [InlineData("dave__ and x", "Dave_", false)]
    [InlineData("ping nick| now", "nick|", false)]
    [InlineData("ping nick|x now", "nick|", true)]
    [InlineData("[m]bob", "[m]bob", false)]
    [InlineData("x[m]bob", "[m]bob", true)]
    [InlineData("bob bobby", "bobby", true)]
    [InlineData("bobbob bob", "bob", true)]
    [InlineData("élan bob", "lan", true)]
    [InlineData("", "bob", false)]
    public void Whole_word_matches_python_word_boundaries(string text, string nick, bool expected)
    {
        Assert.Equal(expected, ActionAttribution.WholeWord(text, nick));
        Assert.Equal(expected, System.Text.RegularExpressions.Regex.IsMatch(text, @"\b" + System.Text.RegularExpressions.Regex.Escape(nick) + @"\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.ECMAScript));
    }

    private static string[] Split(string s) => s.Length == 0 ? [] : s.Split(',');
}
