using Bunit;
using MeetingTracker.Web.Accounts;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Tests.Accounts;

public sealed class ExternalLoginButtonTests : IDisposable
{
    private readonly BunitContext context = new();

    [Fact]
    public void Without_a_configured_provider_nothing_is_rendered()
    {
        var button = Render(new OidcOptions(), "/teams");

        Assert.Empty(button.Markup.Trim());
    }

    [Fact]
    public void With_a_provider_it_is_a_post_form_with_the_antiforgery_token_and_a_local_return_path()
    {
        var options = new OidcOptions { Authority = "https://id.example.org/", ClientId = "x", DisplayName = "Fedora Accounts" };

        var button = Render(options, "https://evil.example/");

        var form = button.Find("form");
        Assert.Equal(("post", ExternalLoginEndpoints.StartPath), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("the-token", button.Find("input[name=__RequestVerificationToken]").GetAttribute("value"));
        Assert.Equal("/", button.Find("input[name=returnUrl]").GetAttribute("value"));
        Assert.Equal("Sign in with Fedora Accounts", button.Find("button[type=submit]").TextContent);
    }

    [Theory]
    [InlineData("/teams?x=1", "/teams?x=1")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Return_paths_stay_on_the_site(string? returnUrl, string expected)
        => Assert.Equal(expected, ExternalLoginEndpoints.LocalPath(returnUrl));

    public void Dispose() => context.Dispose();

    private IRenderedComponent<ExternalLoginButton> Render(OidcOptions options, string returnUrl)
    {
        context.Services.AddSingleton(Options.Create(options));
        context.Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        return context.Render<ExternalLoginButton>(p => p.Add(b => b.ReturnUrl, returnUrl));
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("the-token", "__RequestVerificationToken");
    }
}
