using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Meetbot;

/// <summary>Expected orders and hashes come from CPython 2.7's dict and unicode_hash (64-bit, no randomisation; checked with 2.7.18).</summary>
public sealed class Python2DictOrderTests
{
    [Theory]
    [InlineData("a", 12416037344L)]
    [InlineData("abc", 1453079729188098211L)]
    [InlineData("", 0L)]
    [InlineData("yes", -7125508497085938150L)]
    [InlineData("no", 14080084590127015L)]
    public void Hash_is_python2_unicode_hash(string key, long expected) => Assert.Equal(expected, Python2DictOrder.Hash(key));

    [Theory]
    [InlineData("alice bob carol dave erin frank grace heidi ivan judy", "frank alice grace erin dave heidi ivan carol judy bob")]
    [InlineData("zodbot Alice bob_ carol|away dave[m] \u00c9mile \u674e\u96f7", "carol|away \u00c9mile dave[m] zodbot Alice bob_ \u674e\u96f7")]
    [InlineData("bob bob alice bob", "bob alice")]
    [InlineData("yes no abstain", "yes abstain no")]
    [InlineData("no yes", "yes no")]
    [InlineData("a b c d e f", "a c b e d f")]
    [InlineData("red green blue a b c d", "blue a c b d green red")]
    [InlineData("caf\u00e9 tea", "tea caf\u00e9")]
    public void Order_is_python2_dict_iteration_order(string inserted, string expected)
        => Assert.Equal(expected.Split(' '), Python2DictOrder.Order(inserted.Split(' ')));

    [Fact]
    public void Order_survives_several_resizes()
    {
        var keys = Enumerable.Range(0, 30).Select(i => "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var expected = "n12 n13 n10 n11 n16 n17 n14 n15 n18 n19 n29 n28 n23 n22 n21 n20 n27 n26 n25 n24 n8 n9 n0 n1 n2 n3 n4 n5 n6 n7";
        Assert.Equal(expected.Split(' '), Python2DictOrder.Order(keys));
    }
}
