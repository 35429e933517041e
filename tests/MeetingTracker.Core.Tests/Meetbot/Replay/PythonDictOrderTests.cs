using MeetingTracker.Core.Meetbot.Replay;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>Expected orders and hashes were taken from CPython 2.7.18 (64-bit, UCS-4): <c>d.keys()</c> after inserting.</summary>
public sealed class PythonDictOrderTests
{
    [Theory]
    [InlineData("yes no abstain", "yes abstain no")]
    [InlineData("no yes", "yes no")]
    [InlineData("a b c d e f", "a c b e d f")]
    [InlineData("red green blue a b c d", "blue a c b d green red")]
    [InlineData("caf\u00e9 tea", "tea caf\u00e9")]
    [InlineData("yes yes no", "yes no")]
    public void Iterates_like_a_python2_dict(string inserted, string expected)
    {
        var dict = new PythonDictOrder();
        foreach (var key in inserted.Split(' '))
        {
            dict.Add(key);
        }

        Assert.Equal(expected, string.Join(' ', dict.Keys()));
    }

    [Theory]
    [InlineData("a", 12416037344L)]
    [InlineData("yes", -7125508497085938150L)]
    [InlineData("no", 14080084590127015L)]
    [InlineData("", 0L)]
    public void Hashes_like_python2_unicode(string key, long hash) => Assert.Equal(hash, PythonDictOrder.Hash(key));
}
