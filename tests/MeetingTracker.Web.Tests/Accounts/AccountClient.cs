using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MeetingTracker.Web.Tests.Accounts;

/// <summary>Reads pages and posts their forms as a browser would: every field of the form (the antiforgery token
/// and Blazor's <c>_handler</c> among them), some replaced by the test's values.</summary>
public sealed class AccountClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<IDocument> DocumentAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}\n{body[..Math.Min(2000, body.Length)]}");
        return await new HtmlParser().ParseDocumentAsync(body, Ct);
    }

    /// <summary>GETs <paramref name="path"/> and posts its form <paramref name="formName"/> with <paramref name="values"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IReadOnlyDictionary<string, string> values)
    {
        var page = await DocumentAsync(path);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null);
        Assert.True(form is not null, $"no form '{formName}' on {path}");
        var fields = form.QuerySelectorAll("input[name]")
            .Where(i => i.GetAttribute("type") is not ("checkbox" or "submit") || i.HasAttribute("checked"))
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "", StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        return await PostAsync(action, fields);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await http.PostAsync(new Uri(path.StartsWith('/') ? path : "/" + path, UriKind.Relative), content, Ct);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string path = "account/login")
        => await SubmitAsync(path, "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Where a redirect leads: its path and query when on this site (the pages redirect with absolute URLs),
    /// else the whole address.</summary>
    public static string? Target(HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost/"), location);
        return absolute.Host == "localhost" ? absolute.PathAndQuery : absolute.AbsoluteUri;
    }

    /// <summary>The text of a page's main content, to look for messages.</summary>
    public static async Task<string> MainTextAsync(HttpResponseMessage response)
    {
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);
        return document.QuerySelector("main")?.TextContent ?? "";
    }

    public void Dispose() => http.Dispose();
}
