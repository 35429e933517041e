using MeetingTracker.Core.Harvesting.Http;

namespace MeetingTracker.Core.Tests.Harvesting.Http;

/// <summary>Listing pages as the real servers write them, and links a listing must never lead the walk to.</summary>
public sealed class ListingParserTests
{
    private static readonly SourceScope Scope = new(new Uri("http://meetbot.example.org:8080/meetbot/"));
    private static readonly Uri Page = new("http://meetbot.example.org:8080/meetbot/tc/");

    private const string ApacheTable = """
        <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
        <html><head><title>Index of /meetbot/tc</title></head><body>
        <h1>Index of /meetbot/tc</h1>
          <table>
           <tr><th valign="top"><img src="/icons/blank.gif" alt="[ICO]"></th><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th><th><a href="?C=S;O=A">Size</a></th><th><a href="?C=D;O=A">Description</a></th></tr>
           <tr><th colspan="5"><hr></th></tr>
        <tr><td valign="top"><img src="/icons/back.gif" alt="[PARENTDIR]"></td><td><a href="/meetbot/">Parent Directory</a></td><td>&nbsp;</td><td align="right">  - </td><td>&nbsp;</td></tr>
        <tr><td valign="top"><img src="/icons/folder.gif" alt="[DIR]"></td><td><a href="2014/">2014/</a></td><td align="right">2015-01-06 00:03  </td><td align="right">  - </td><td>&nbsp;</td></tr>
        <tr><td valign="top"><img src="/icons/text.gif" alt="[TXT]"></td><td><a href="tc.2014-12-09-20.02.log.txt">tc.2014-12-09-20.02.log.txt</a></td><td align="right">2014-12-09 21:02  </td><td align="right"> 12K</td><td>&nbsp;</td></tr>
        <tr><td valign="top"><img src="/icons/text.gif" alt="[TXT]"></td><td><a href="tc.2014-12-09-20.02.txt">tc.2014-12-09-20.02.txt</a></td><td align="right">2014-12-09 21:02  </td><td align="right">345 </td><td>&nbsp;</td></tr>
        <tr><td valign="top"><img src="/icons/text.gif" alt="[TXT]"></td><td><a href="tc.2014-12-09-20.02.html">tc.2014-12-09-20.02.html</a></td><td align="right">2014-12-09 21:02  </td><td align="right">1.5M</td><td>&nbsp;</td></tr>
           <tr><th colspan="5"><hr></th></tr>
        </table>
        <address>Apache/2.4.62 (Debian) Server at meetbot.example.org Port 8080</address>
        </body></html>
        """;

    private const string ApachePre = """
        <html><head><title>Index of /meetbot/tc</title></head><body>
        <h1>Index of /meetbot/tc</h1>
        <pre><img src="/icons/blank.gif" alt="Icon "> <a href="?C=N;O=D">Name</a>                        <a href="?C=M;O=A">Last modified</a>      <a href="?C=S;O=A">Size</a>  <a href="?C=D;O=A">Description</a><hr><img src="/icons/back.gif" alt="[PARENTDIR]"> <a href="/meetbot/">Parent Directory</a>                                 -   
        <img src="/icons/folder.gif" alt="[DIR]"> <a href="2014/">2014/</a>                       2015-01-06 00:03    -   
        <img src="/icons/text.gif" alt="[TXT]"> <a href="tc.2014-12-09-20.02.log.txt">tc.2014-12-09-20.02.log.txt</a> 2014-12-09 21:02   12K  
        <img src="/icons/text.gif" alt="[TXT]"> <a href="tc.2014-12-09-20.02.txt">tc.2014-12-09-20.02.txt</a>     2014-12-09 21:02  345   
        <img src="/icons/text.gif" alt="[TXT]"> <a href="tc.2014-12-09-20.02.html">tc.2014-12-09-20.02.html</a>    2014-12-09 21:02  1.5M  
        <hr></pre>
        </body></html>
        """;

    private const string Nginx = "<html>\r\n<head><title>Index of /meetbot/tc/</title></head>\r\n<body>\r\n<h1>Index of /meetbot/tc/</h1><hr><pre><a href=\"../\">../</a>\r\n"
        + "<a href=\"2014/\">2014/</a>                                              06-Jan-2015 00:03                   -\r\n"
        + "<a href=\"tc.2014-12-09-20.02.log.txt\">tc.2014-12-09-20.02.log.txt</a>                        09-Dec-2014 21:02               12288\r\n"
        + "<a href=\"tc.2014-12-09-20.02.txt\">tc.2014-12-09-20.02.txt</a>                            09-Dec-2014 21:02                 345\r\n"
        + "<a href=\"tc.2014-12-09-20.02.html\">tc.2014-12-09-20.02.html</a>                           09-Dec-2014 21:02             1572864\r\n"
        + "</pre><hr></body>\r\n</html>\r\n";

    private const string Plain = """
        <html><body><h1>Index of /meetbot/tc</h1>
        <ul><li><a href="/meetbot/"> Parent Directory</a></li>
        <li><a href="2014/"> 2014/</a></li>
        <li><a href="tc.2014-12-09-20.02.log.txt"> tc.2014-12-09-20.02.log.txt</a></li>
        <li><a href="tc.2014-12-09-20.02.txt"> tc.2014-12-09-20.02.txt</a></li>
        <li><a href="tc.2014-12-09-20.02.html"> tc.2014-12-09-20.02.html</a></li>
        </ul></body></html>
        """;

    public static TheoryData<string, string> Pages() => new()
    {
        { "apache table", ApacheTable },
        { "apache pre", ApachePre },
        { "nginx", Nginx },
        { "plain", Plain },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_style_gives_the_folder_and_files_below_the_page(string style, string html)
    {
        var entries = ListingParser.Parse(html, Page, Scope);

        Assert.Equal(["tc/2014/", "tc/tc.2014-12-09-20.02.log.txt", "tc/tc.2014-12-09-20.02.txt", "tc/tc.2014-12-09-20.02.html"], entries.Select(e => e.Path));
        Assert.Equal([true, false, false, false], entries.Select(e => e.IsFolder));
        Assert.Equal("tc.2014-12-09-20.02.log.txt", entries[1].Name);
        Assert.Equal("2014", entries[0].Name);
        var expected = style switch
        {
            "plain" => new (long?, bool)[] { (null, false), (null, false), (null, false), (null, false) },
            "nginx" => [(null, false), (12288, true), (345, true), (1572864, true)],
            _ => [(null, false), (12288, false), (345, true), (1572864, false)],
        };
        Assert.Equal(expected, entries.Select(e => (e.Size, e.SizeIsExact)));
        Assert.Equal(
            style == "plain" ? [null, null] : new DateTimeOffset?[] { new(2015, 1, 6, 0, 3, 0, TimeSpan.Zero), new(2014, 12, 9, 21, 2, 0, TimeSpan.Zero) },
            entries.Take(2).Select(e => e.LastModified));
    }

    [Theory]
    [InlineData("http://other.example.org:8080/meetbot/tc/x.2014-12-09-20.02.log.txt")]
    [InlineData("http://meetbot.example.org:9090/meetbot/tc/x.2014-12-09-20.02.log.txt")]
    [InlineData("https://meetbot.example.org:8080/meetbot/tc/x.2014-12-09-20.02.log.txt")]
    [InlineData("//evil.example/meetbot/tc/x.2014-12-09-20.02.log.txt")]
    [InlineData("//evil.example/")]
    [InlineData("../")]
    [InlineData("../other/")]
    [InlineData("/")]
    [InlineData("/meetbot/")]
    [InlineData("/elsewhere/tc/")]
    [InlineData("./")]
    [InlineData("?C=M;O=A")]
    [InlineData("x.2014-12-09-20.02.log.txt?C=M;O=A")]
    [InlineData("#top")]
    [InlineData("x.2014-12-09-20.02.log.html#l-5")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert('x.log.txt')")]
    [InlineData("mailto:admin@meetbot.example.org")]
    [InlineData("ftp://meetbot.example.org/meetbot/tc/x.log.txt")]
    [InlineData("http://user@meetbot.example.org:8080/meetbot/tc/x.2014-12-09-20.02.log.txt")]
    [InlineData("%2e%2e/%2e%2e/etc/")]
    [InlineData("a%2Fb/")]
    [InlineData("")]
    public void Links_that_leave_the_page_or_the_source_are_dropped(string href)
    {
        var html = $"<pre><a href=\"{System.Net.WebUtility.HtmlEncode(href)}\">x</a>\n<a href=\"kept/\">kept/</a>\n</pre>";

        var entries = ListingParser.Parse(html, Page, Scope);

        Assert.Equal(["tc/kept/"], entries.Select(e => e.Path));
    }

    [Theory]
    [InlineData("%23fedora-meeting/", "tc/#fedora-meeting/")]
    [InlineData("my%20meeting.2014-12-09-20.02.log.txt", "tc/my meeting.2014-12-09-20.02.log.txt")]
    [InlineData("my meeting.2014-12-09-20.02.log.txt", "tc/my meeting.2014-12-09-20.02.log.txt")]
    [InlineData("./a:b.2014-12-09-20.02.txt", "tc/a:b.2014-12-09-20.02.txt")]
    [InlineData("caf%C3%A9/", "tc/café/")]
    [InlineData("http://meetbot.example.org:8080/meetbot/tc/2014/", "tc/2014/")]
    [InlineData("/meetbot/tc/2014/tc.2014-12-09-20.02.log.txt", "tc/2014/tc.2014-12-09-20.02.log.txt")]
    [InlineData("HTTP://MEETBOT.EXAMPLE.ORG:8080/meetbot/tc/2014/", "tc/2014/")]
    public void Names_are_read_decoded_from_the_href(string href, string path)
    {
        var html = $"<ul><li><a href=\"{System.Net.WebUtility.HtmlEncode(href)}\">shown text is ignored</a></li></ul>";

        var entry = Assert.Single(ListingParser.Parse(html, Page, Scope));

        Assert.Equal(path, entry.Path);
        Assert.Equal(Page, Scope.UriOf("tc/"));
        Assert.Equal(path, Scope.RelativePath(Scope.UriOf(path)));
    }

    [Fact]
    public void A_link_twice_is_one_entry()
    {
        var entries = ListingParser.Parse("<a href=\"2014/\"><img></a> <a href=\"2014/\">2014/</a> <a href=\"http://meetbot.example.org:8080/meetbot/tc/2014/\">again</a>", Page, Scope);

        Assert.Equal(["tc/2014/"], entries.Select(e => e.Path));
    }

    [Theory]
    [InlineData("345", 345L, true)]
    [InlineData("1.2K", 1228L, false)]
    [InlineData("12K", 12288L, false)]
    [InlineData("1.0G", 1073741824L, false)]
    [InlineData("-", null, false)]
    public void Sizes_read_exact_bytes_and_apache_abbreviations(string text, long? size, bool exact)
        => Assert.Equal((size, exact), ListingParser.ParseSize(text));

    [Theory]
    [InlineData("http://meetbot.example.org/meetbot", "http://meetbot.example.org/meetbot/")]
    [InlineData("https://meetbot.example.org/?x=1#y", "https://meetbot.example.org/")]
    public void The_base_always_ends_with_a_slash(string location, string expected)
        => Assert.Equal(new Uri(expected), new SourceScope(new Uri(location)).BaseUri);
}
