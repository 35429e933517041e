using MeetingTracker.Core.Meetbot.Html;

namespace MeetingTracker.Core.Tests.Meetbot.Html;

/// <summary>The forward-only tokenizer under MeetBot's markup and whatever else a file may hold.</summary>
public sealed class HtmlScannerTests
{
    [Theory]
    [InlineData("<a href='x.log.html#l-5'>bob</a>", "S:a|T:bob|E:a")]
    [InlineData("<a\n    href=\"x\">y</a>", "S:a|T:y|E:a")]
    [InlineData("<SPAN CLASS=\"INFO\">t</SPAN>", "S:span|T:t|E:span")]
    [InlineData("a < b &amp; <br/>c", "T:a |T:<|T: b &amp; |S:br|T:c")]
    [InlineData("<!-- <b>not a tag</b> -->x<!DOCTYPE html>y", "T:x|T:y")]
    [InlineData("<style>b > i { }</style><b>z</b>", "S:style|T:b > i { }|E:style|S:b|T:z|E:b")]
    [InlineData("<title>#chan <log></title>", "S:title|T:#chan <log>|E:title")]
    [InlineData("<b title='a>b'>q</b>", "S:b|T:q|E:b")]
    [InlineData("x</ >y", "T:x|T:<|T:/ >y")]
    [InlineData("<b>cut <span class=\"x", "S:b|T:cut ")]
    [InlineData("<style>never closed", "S:style|T:never closed")]
    public void Tokenizes(string html, string expected)
    {
        var scanner = new HtmlScanner(html);
        var tokens = new List<string>();
        for (var kind = scanner.Next(); kind != HtmlTokenKind.EndOfFile; kind = scanner.Next())
        {
            tokens.Add(kind switch
            {
                HtmlTokenKind.Text => "T:" + scanner.RawText.ToString(),
                HtmlTokenKind.StartTag => "S:" + scanner.Tag,
                _ => "E:" + scanner.Tag,
            });
        }

        Assert.Equal(expected, string.Join('|', tokens));
    }

    [Theory]
    [InlineData("<a href=\"#l-4\" name=\"l-4\">", "name", "l-4")]
    [InlineData("<a href='x.html#l-21'>", "href", "x.html#l-21")]
    [InlineData("<div class=d-table-row id=l-7>", "id", "l-7")]
    [InlineData("<a NAME = \"l-9\" >", "name", "l-9")]
    [InlineData("<a disabled name=\"l-1\">", "name", "l-1")]
    [InlineData("<a href=\"a&amp;b\">", "href", "a&amp;b")]
    public void Reads_attributes_in_every_quoting(string html, string name, string value)
    {
        var scanner = new HtmlScanner(html);
        Assert.Equal(HtmlTokenKind.StartTag, scanner.Next());

        Assert.True(scanner.TryGetAttribute(name, out var found));
        Assert.Equal(value, found.ToString());
        Assert.False(scanner.TryGetAttribute("missing", out _));
    }

    [Theory]
    [InlineData("d-table-row", true)]
    [InlineData("d-table", false)]
    [InlineData("row", false)]
    [InlineData("max", true)]
    public void Matches_whole_class_names(string name, bool expected)
    {
        var scanner = new HtmlScanner("<div class=\"d-table-row  max\nmono\">");
        scanner.Next();

        Assert.Equal(expected, scanner.HasClass(name));
    }

    [Theory]
    [InlineData("&lt;bob&gt; &amp; &quot;x&quot; &apos;", "<bob> & \"x\" '")]
    [InlineData("caf&eacute; &mdash; &#233;&#xE9; &copy", "café — éé ©")]
    [InlineData("&bogus; & &#; &#0; a&b", "&bogus; & &#; \uFFFD a&b")]
    [InlineData("no references", "no references")]
    public void Decodes_character_references(string raw, string expected) => Assert.Equal(expected, HtmlText.Decode(raw));
}
