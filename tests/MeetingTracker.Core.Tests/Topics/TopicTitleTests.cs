using MeetingTracker.Core.Topics;

namespace MeetingTracker.Core.Tests.Topics;

/// <summary>The normalisation table: what two meetings' topics are compared by.</summary>
public sealed class TopicTitleTests
{
    [Theory]

    // Case, whitespace, trailing punctuation.
    [InlineData("Roll Call", "roll call", "Roll Call")]
    [InlineData("  roll   call:  ", "roll call", "roll call")]
    [InlineData("Open floor.", "open floor", "Open floor")]
    [InlineData("Open Floor!!", "open floor", "Open Floor")]
    [InlineData("Any other business?", "any other business", "Any other business")]
    [InlineData("Release blockers -", "release blockers", "Release blockers")]

    // Agenda numbering as chairs write it.
    [InlineData("1/ Last week's stats", "last week's stats", "Last week's stats")]
    [InlineData("7/ Open floor", "open floor", "Open floor")]
    [InlineData("3. Open floor", "open floor", "Open floor")]
    [InlineData("2) Follow-up on action items", "follow-up on action items", "Follow-up on action items")]
    [InlineData("1.2. Packaging", "packaging", "Packaging")]
    [InlineData("#4 Packaging", "packaging", "Packaging")]
    [InlineData("4 - Packaging", "packaging", "Packaging")]
    [InlineData("[a] Packaging", "packaging", "Packaging")]
    [InlineData("(ii) Packaging", "packaging", "Packaging")]
    [InlineData("b. Packaging", "packaging", "Packaging")]
    [InlineData("IV. Packaging", "packaging", "Packaging")]
    [InlineData("Topic 3: Packaging", "packaging", "Packaging")]
    [InlineData("Item 2 - Packaging", "packaging", "Packaging")]

    // Dates anywhere.
    [InlineData("Status 2024-01-08", "status", "Status")]
    [InlineData("2024/01/08 status", "status", "status")]
    [InlineData("Status (2024-01-08)", "status", "Status")]
    [InlineData("Status update 08.01.2024", "status update", "Status update")]
    [InlineData("Meeting of 8 Jan 2024", "meeting of", "Meeting of")]
    [InlineData("Next meeting 2nd of June", "next meeting", "Next meeting")]
    [InlineData("Report for January 8th, 2024", "report for", "Report for")]
    [InlineData("Plans for March 2025", "plans for", "Plans for")]
    [InlineData("2024-01-08: 1. Roll call", "roll call", "Roll call")]

    // What is not numbering or a date stays.
    [InlineData("3 things to decide", "3 things to decide", "3 things to decide")]
    [InlineData("a new logo", "a new logo", "a new logo")]
    [InlineData("Fedora 40 release", "fedora 40 release", "Fedora 40 release")]
    [InlineData("Python 3.12 rebuild", "python 3.12 rebuild", "Python 3.12 rebuild")]
    [InlineData("e.g. the wiki", "e.g. the wiki", "e.g. the wiki")]
    [InlineData("C++ bindings", "c++ bindings", "C++ bindings")]
    [InlineData("May we ship?", "may we ship", "May we ship")]
    [InlineData("Meeting at 15:00 UTC", "meeting at 15:00 utc", "Meeting at 15:00 UTC")]
    [InlineData("https://github.com/lightningnetwork/lightning-rfc/pull/880", "https://github.com/lightningnetwork/lightning-rfc/pull/880", "https://github.com/lightningnetwork/lightning-rfc/pull/880")]

    // IRC formatting is not part of a title.
    [InlineData("\u0002Roll call\u0002", "roll call", "Roll call")]
    [InlineData("\u000304,01Open floor\u000f", "open floor", "Open floor")]

    // A title that is only a date or a number is its own subject.
    [InlineData("2024-01-08", "2024-01-08", "2024-01-08")]
    [InlineData("1.", "1.", "1.")]
    public void Normalises(string title, string key, string display)
    {
        var normalised = TopicTitle.Of(title);
        Assert.Equal(key, normalised.Key);
        Assert.Equal(display, normalised.Display);
    }

    [Fact]
    public void The_same_subject_numbered_and_dated_differently_is_one_key()
    {
        string[] spellings = ["1/ Fedora 41 Release Blockers", "3. fedora 41 release blockers:", "[b] Fedora 41 release blockers (2024-10-08)", "Fedora 41 release blockers  - Oct 15"];
        Assert.Single(spellings.Select(s => TopicTitle.Of(s).Key).Distinct());
    }

    [Theory]
    [InlineData("roll call", "roll-call")]
    [InlineData("follow-up on action items", "follow-up-on-action-items")]
    [InlineData("last week's stats", "last-week-s-stats")]
    [InlineData("c++ bindings", "c-bindings")]
    [InlineData("python 3.12 rebuild", "python-3-12-rebuild")]
    [InlineData("présentation générale", "présentation-générale")]
    [InlineData("...", TopicTitle.EmptySlug)]
    [InlineData("", TopicTitle.EmptySlug)]
    public void Slugs(string key, string slug) => Assert.Equal(slug, TopicTitle.Slug(key));

    [Fact]
    public void A_long_slug_is_cut_at_a_word()
    {
        var slug = TopicTitle.Slug(string.Join(' ', Enumerable.Repeat("packaging", 20)));
        Assert.True(slug.Length <= 80, slug);
        Assert.EndsWith("packaging", slug, StringComparison.Ordinal);
    }
}
