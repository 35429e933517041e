using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>
/// The hand-written Matrix-ID rule of <see cref="NickVariants.BaseNick"/> keeps the edges of the regex it replaced,
/// <c>^@(?&lt;local&gt;[^:]+):.+$</c>: a local part and a server are both needed, the first ':' ends the local part.
/// </summary>
public sealed class BaseNickEdgeTests
{
    [Theory]
    [InlineData("@bob:fedora.im", "bob")]
    [InlineData("@bob_:matrix.org", "bob")]
    [InlineData("@a:b:c", "a")]
    [InlineData("@bob:", "@bob:")]
    [InlineData("@:server", "@:server")]
    [InlineData("@bob:srv\n", "bob")]
    [InlineData("@bob:s\nx", "@bob:s\nx")]
    [InlineData("@bob", "@bob")]
    [InlineData("bob:server", "bob:server")]
    [InlineData("@bob|away:srv", "bob")]
    public void Matrix_ids_lose_their_server(string nick, string expected) => Assert.Equal(expected, NickVariants.BaseNick(nick));
}
