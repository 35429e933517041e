using System.Text;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Harvesting.Http;

namespace MeetingTracker.Core.Tests.Harvesting.Http;

/// <summary>Links parsed once are reused only for the very page they came from: a 304 to its validators.</summary>
public sealed class ParsedListingsTests
{
    private static readonly SourceScope Scope = new(new Uri("http://meetbot.example.org/meetbot/"));
    private static readonly Uri Page = new("http://meetbot.example.org/meetbot/tc/");
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 16, 0, 0, TimeSpan.Zero);

    private static byte[] Listing(params string[] names)
        => Encoding.UTF8.GetBytes("<pre>" + string.Concat(names.Select(n => $"<a href=\"{n}\">{n}</a>\n")) + "</pre>");

    private static CachedListing Stored(string? etag, DateTimeOffset? lastModified, byte[] html, Action? read = null)
        => new(etag, lastModified, () =>
        {
            read?.Invoke();
            return html;
        });

    private static IEnumerable<string> Paths(IReadOnlyList<ListingEntry> links) => links.Select(l => l.Path);

    [Fact]
    public void A_page_answered_304_reuses_the_links_parsed_from_it_without_reading_it_again()
    {
        var listings = new ParsedListings();
        var first = listings.Parse(Page, Scope, new CachedListing("\"a\"", Monday, Listing("x.2026-01-05-16.00.log.txt")));
        var reads = 0;

        var again = listings.OfUnchanged(Page, Scope, Stored("\"a\"", Monday, Listing("x.2026-01-05-16.00.log.txt"), () => reads++));

        Assert.Same(first, again);
        Assert.Equal(0, reads);
    }

    [Theory]
    [InlineData("\"b\"", false)]
    [InlineData("\"a\"", true)]
    [InlineData(null, false)]
    public void A_page_stored_under_other_validators_is_parsed_again(string? etag, bool laterDate)
    {
        var listings = new ParsedListings();
        listings.Parse(Page, Scope, new CachedListing("\"a\"", Monday, Listing("x.2026-01-05-16.00.log.txt")));

        var links = listings.OfUnchanged(Page, Scope, Stored(etag, laterDate ? Monday.AddMinutes(1) : Monday, Listing("x.2026-01-05-16.00.log.txt", "x.2026-01-12-16.00.log.txt")));

        Assert.Equal(["tc/x.2026-01-05-16.00.log.txt", "tc/x.2026-01-12-16.00.log.txt"], Paths(links));
    }

    [Fact]
    public void A_page_answered_with_a_body_is_always_parsed_even_under_the_same_validators()
    {
        // A server that ignores If-None-Match (or keeps an ETag for a page that changed) answers 200: its body counts.
        var listings = new ParsedListings();
        listings.Parse(Page, Scope, new CachedListing("\"a\"", Monday, Listing("x.2026-01-05-16.00.log.txt")));

        var links = listings.Parse(Page, Scope, new CachedListing("\"a\"", Monday, Listing("x.2026-01-05-16.00.log.txt", "x.2026-01-12-16.00.log.txt")));

        Assert.Equal(2, links.Count);
        Assert.Same(links, listings.OfUnchanged(Page, Scope, Stored("\"a\"", Monday, [])));
    }

    [Fact]
    public void Links_of_a_page_without_validators_are_not_kept()
    {
        var listings = new ParsedListings();
        listings.Parse(Page, Scope, new CachedListing(null, null, Listing("x.2026-01-05-16.00.log.txt")));

        var links = listings.OfUnchanged(Page, Scope, Stored(null, null, Listing("x.2026-01-05-16.00.log.txt", "y.2026-01-05-16.00.log.txt")));

        Assert.Equal(2, links.Count);
    }

    [Fact]
    public void Links_parsed_under_another_base_are_not_reused()
    {
        var listings = new ParsedListings();
        listings.Parse(Page, Scope, new CachedListing("\"a\"", Monday, Listing("x.2026-01-05-16.00.log.txt")));
        var wider = new SourceScope(new Uri("http://meetbot.example.org/"));

        var links = listings.OfUnchanged(Page, wider, Stored("\"a\"", Monday, Listing("x.2026-01-05-16.00.log.txt")));

        Assert.Equal(["meetbot/tc/x.2026-01-05-16.00.log.txt"], Paths(links));
    }
}
