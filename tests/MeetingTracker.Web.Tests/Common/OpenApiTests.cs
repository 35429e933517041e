using MeetingTracker.Web.Tests.Site;
using Microsoft.OpenApi;

namespace MeetingTracker.Web.Tests.Common;

/// <summary>/openapi/v1.json is a valid OpenAPI document that describes every /api route.</summary>
public sealed class OpenApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    public static readonly string[] Routes =
    [
        "/api/meetings", "/api/meetings/{id}", "/api/meetings/{id}/log", "/api/teams", "/api/teams/{key}", "/api/teams/{key}/topics", "/api/teams/{key}/agenda", "/api/projects", "/api/projects/{key}",
        "/api/people", "/api/people/{name}", "/api/actions", "/api/actions/{id}", "/api/ideas", "/api/ideas/{id}", "/api/help", "/api/search", "/api/account",
    ];

    /// <summary>Routes that only change state (no GET).</summary>
    public static readonly string[] WriteOnlyRoutes = ["/api/account/claims", "/api/actions/{id}/events", "/api/ideas/{id}/events"];

    [Fact]
    public async Task The_document_reads_back_without_errors_and_lists_every_api_route()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stream = await site.Client.GetStreamAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct);

        var read = await OpenApiDocument.LoadAsync(stream, "json", cancellationToken: ct);

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = Assert.IsType<OpenApiDocument>(read.Document);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal(Routes.Concat(WriteOnlyRoutes).Order(StringComparer.Ordinal), document.Paths.Keys.Where(p => p.StartsWith("/api/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // Both ways to call the API are described: the session cookie and a personal access token.
        var schemes = document.Components!.SecuritySchemes!;
        Assert.Contains(schemes.Values, s => s.Type == SecuritySchemeType.Http && string.Equals(s.Scheme, "bearer", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(schemes.Values, s => s.Type == SecuritySchemeType.ApiKey && s.In == ParameterLocation.Cookie);
        var post = document.Paths["/api/account/claims"].Operations![HttpMethod.Post];
        Assert.Contains("401", post.Responses!.Keys);
        Assert.NotEmpty(post.Security ?? []);
        Assert.All(Routes, route =>
        {
            var get = document.Paths[route].Operations![HttpMethod.Get];
            Assert.False(string.IsNullOrEmpty(get.OperationId), route + " has no operation id");
            Assert.Contains("200", get.Responses!.Keys);
        });
    }
}
