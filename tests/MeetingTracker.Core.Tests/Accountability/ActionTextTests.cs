using MeetingTracker.Core.Accountability;

namespace MeetingTracker.Core.Tests.Accountability;

public sealed class ActionTextTests
{
    [Theory]
    [InlineData("bob to fix the mirror", "bob to fix the mirror")]
    [InlineData("  Bob to  fix\tthe MIRROR.  ", "bob to fix the mirror")]
    [InlineData("bob to fix the mirror?!", "bob to fix the mirror")]
    [InlineData("- bob to fix the mirror (#123)", "bob to fix the mirror (#123")]
    [InlineData("bob: fix the mirror, then the wiki", "bob: fix the mirror, then the wiki")]
    [InlineData("Zoë to review the café page", "zoë to review the café page")]
    [InlineData("...", "")]
    public void Case_whitespace_and_punctuation_at_the_ends_do_not_count(string text, string normalized)
        => Assert.Equal(normalized, ActionText.Normalize(text));

    [Fact]
    public void Nicks_are_kept_as_written()
        => Assert.NotEqual(ActionText.Normalize("bob to fix the mirror"), ActionText.Normalize("bob_ to fix the mirror"));
}
