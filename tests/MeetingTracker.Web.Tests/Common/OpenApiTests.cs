using MeetingTracker.Web.Tests.Site;
using Microsoft.OpenApi;

namespace MeetingTracker.Web.Tests.Common;

/// <summary>/openapi/v1.json is a valid OpenAPI document that describes every /api route.</summary>
public sealed class OpenApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    public static readonly string[] Routes =
    [
        "/api/meetings", "/api/meetings/{id}", "/api/meetings/{id}/log", "/api/teams", "/api/teams/{key}",
        "/api/people", "/api/people/{name}", "/api/actions", "/api/ideas", "/api/search",
    ];

    [Fact]
    public async Task The_document_reads_back_without_errors_and_lists_every_api_route()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stream = await site.Client.GetStreamAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct);

        var read = await OpenApiDocument.LoadAsync(stream, "json", cancellationToken: ct);

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = Assert.IsType<OpenApiDocument>(read.Document);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal(Routes.Order(StringComparer.Ordinal), document.Paths.Keys.Where(p => p.StartsWith("/api/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(Routes, route =>
        {
            var get = document.Paths[route].Operations![HttpMethod.Get];
            Assert.False(string.IsNullOrEmpty(get.OperationId), route + " has no operation id");
            Assert.Contains("200", get.Responses!.Keys);
        });
    }
}
