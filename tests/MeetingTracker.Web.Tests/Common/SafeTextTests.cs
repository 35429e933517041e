using Bunit;
using MeetingTracker.Web.Components.Common;

namespace MeetingTracker.Web.Tests.Common;

/// <summary>Untrusted text stays text; only http(s), irc(s) and mailto addresses become links.</summary>
public sealed class SafeTextTests : IDisposable
{
    private readonly BunitContext context = new();

    [Theory]
    [InlineData("see https://pagure.io/infra/issue/42.", "https://pagure.io/infra/issue/42")]
    [InlineData("(http://example.org/a)", "http://example.org/a")]
    [InlineData("join irc://irc.libera.chat/fedora-meeting now", "irc://irc.libera.chat/fedora-meeting")]
    [InlineData("mail mailto:infra@lists.example.org", "mailto:infra@lists.example.org")]
    public void Safe_addresses_become_links_without_trailing_punctuation(string text, string href)
    {
        var rendered = context.Render<SafeText>(p => p.Add(t => t.Text, text));

        var link = Assert.Single(rendered.FindAll("a"));
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal(href, link.TextContent);
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.Equal(text, rendered.Nodes.Select(n => n.TextContent).Aggregate(string.Concat));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("vbscript:msgbox")]
    public void Other_schemes_stay_text(string text)
    {
        var rendered = context.Render<SafeText>(p => p.Add(t => t.Text, "go " + text));

        Assert.Empty(rendered.FindAll("a"));
        Assert.Equal("go " + text, rendered.Nodes.Select(n => n.TextContent).Aggregate(string.Concat));
    }

    [Fact]
    public void Markup_in_a_line_is_rendered_as_text()
    {
        var rendered = context.Render<SafeText>(p => p.Add(t => t.Text, "<script>alert(1)</script> <img src=x onerror=alert(1)> http://x.org/<b>"));

        Assert.Empty(rendered.FindAll("script"));
        Assert.Empty(rendered.FindAll("img"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;", rendered.Markup, StringComparison.Ordinal);
        Assert.Equal("http://x.org/", Assert.Single(rendered.FindAll("a")).GetAttribute("href"));
    }

    public void Dispose() => context.Dispose();
}
