using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using MeetingTracker.Web.Tests.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Web.Tests.Site;

/// <summary>
/// Issue 14: every GET route of the endpoint table (pages, API, feeds, redirects), with random and hostile path
/// segments and query values (huge and negative numbers, control characters, 10 kB strings, invalid UTF-8
/// percent-escapes, <c>..</c>, encoded slashes, search syntax, markup), never answers 5xx and answers within 2 s.
/// The table is read from the app's <see cref="EndpointDataSource"/> (a new route is probed without a change here);
/// the query parameters are those the route reads: a page's <see cref="SupplyParameterFromQueryAttribute"/>
/// properties, an API handler's simple parameters. Values come from CsCheck with a fixed seed
/// (<see cref="DefaultSeed"/>), so a run is the same requests every time: each route once with ordinary values
/// (untimed warm-up), at four corners of int, then <see cref="ProbesPerRoute"/> random probes (about 620 requests, a
/// few seconds). To explore: <c>MT_HOSTILE_SEED</c> (hex) picks another seed, <c>MT_HOSTILE_PROBES</c> more probes a route.
/// Requests go through TestServer, which hands the app paths Kestrel would refuse itself (invalid UTF-8): harder.
/// </summary>
public sealed partial class HostileRouteTests(AccountsSite site) : IClassFixture<AccountsSite>
{
    public const ulong DefaultSeed = 0x1407_2026_0000_0014;

    private static readonly int ProbesPerRoute = int.TryParse(Environment.GetEnvironmentVariable("MT_HOSTILE_PROBES"), CultureInfo.InvariantCulture, out var n) ? n : 6;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>A route parameter, by what its constraint admits (a value it refuses only reaches the 404 page).</summary>
    public enum ParamKind
    {
        Text,
        Number,
        MeetbotFile,
        Date,
    }

    public sealed record RouteParam(string Name, ParamKind Kind);

    /// <summary>A GET route of the table: its pattern, route parameters, the query names it reads, whether it needs sign-in.</summary>
    public sealed record GetRoute(string Pattern, RoutePattern Parsed, IReadOnlyList<RouteParam> Params, IReadOnlyList<string> Query, bool SignedIn, string Kind)
    {
        public override string ToString() => $"{Kind} {Pattern} ?{string.Join('&', Query)}{(SignedIn ? " (sign-in)" : string.Empty)}";
    }

    /// <summary>One request: its URL (already percent-encoded, hostile escapes left raw) and who sends it.</summary>
    public sealed record Probe(GetRoute Route, string Url, bool Admin);

    [Fact]
    public void The_table_holds_pages_api_feeds_and_redirects_with_their_query_parameters()
    {
        var routes = Routes();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", routes));
        // A page's own query names; the names of components hosted in pages (a form's message) are added to every page.
        string Query(string pattern) => string.Join(",", routes.Single(r => r.Pattern == pattern).Query.Where(q => !q.EndsWith("Message", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        Assert.Contains(routes, r => r is { Pattern: "/meetings/{Id:int}", Kind: "page" });
        Assert.Contains(routes, r => r is { Pattern: "/admin", Kind: "page", SignedIn: true });
        Assert.Contains(routes, r => r is { Pattern: "/api/meetings/{id:int}/log", Kind: "endpoint" });
        Assert.Contains(routes, r => r.Pattern == "/feeds/teams/{key}.atom");
        Assert.Contains(routes, r => r.Pattern == "/{channel}/{date}/{file}" && r.Params.Any(p => p.Kind == ParamKind.MeetbotFile) && r.Params.Any(p => p.Kind == ParamKind.Date));
        Assert.Equal("page,pageSize", Query("/teams/{Key}"));
        Assert.Equal("page,pageSize", Query("/api/meetings/{id:int}/log"));
        Assert.Equal("minAgeDays,page,pageSize,person,sort,state,team", Query("/api/actions"));
        Assert.Contains("returnUrl", Query("/account/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_get_route_survives_hostile_segments_and_query_values()
    {
        var seed = Environment.GetEnvironmentVariable("MT_HOSTILE_SEED") is { Length: > 0 } s ? ulong.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : DefaultSeed;
        var routes = Routes();
        var real = await RealValuesAsync();
        var plan = Sequence(routes.Select(r => ProbeGen(r, real).Array[ProbesPerRoute])).Select(perRoute => perRoute.SelectMany(p => p).ToArray());
        var probes = plan.Generate(new PCG(14, seed), null, out _);
        using var clients = await ClientsAsync();

        // Each route once with ordinary values first, untimed: the first render of a page compiles its queries.
        var warmUp = routes.Select(r => new Probe(r, Fill(r, p => p.Kind switch { ParamKind.Number => real.MeetingIds[0], ParamKind.MeetbotFile => "x.2024-01-01-10.00.log.html", ParamKind.Date => "2024-01-01", _ => real.TeamKey }, []), r.SignedIn));
        var report = await RunAsync(clients, [.. warmUp], timed: false);

        // Then each route with every query value at once at one corner of int (a page past the last, both bounds of
        // a page size: the arithmetic of paging), then the random probes.
        var corners = routes.SelectMany(r => Corners.Select(c => new Probe(r, Fill(r, p => p.Kind == ParamKind.Number ? c : real.TeamKey, [.. r.Query.Select(q => q + "=" + c)]), r.SignedIn)));
        report.Add(await RunAsync(clients, [.. corners, .. probes], timed: true));

        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed:X}: {routes.Count} GET routes, {report.Requests} requests in {report.Total.TotalSeconds:0.0} s, slowest {report.Slowest.TotalMilliseconds:0} ms ({report.SlowestUrl}); statuses {string.Join(", ", report.Statuses.OrderBy(k => k.Key).Select(k => $"{k.Key}×{k.Value}"))}");
        Assert.True(report.Failures.Count == 0, $"seed {seed:X}: {report.Failures.Count} of {report.Requests} requests failed:\n{string.Join("\n", report.Failures.Take(40))}");
    }

    /// <summary>
    /// Blazor throws (a 500) when a <c>[SupplyParameterFromQuery]</c> value does not parse as the property's type:
    /// <c>?page=x</c> on an <c>int?</c>, <c>?sent=1</c> on a <c>bool</c>. So every component reads its query as text and
    /// parses it itself (<c>Paging.Number</c>), a malformed value reading as not given.
    /// </summary>
    [Fact]
    public void Every_query_parameter_of_a_component_is_read_as_text()
    {
        var typed = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is not null && p.PropertyType != typeof(string))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType.Name}");
        Assert.Empty(typed);
    }

    /// <summary>
    /// Requests that answered 500, as the property found them (reduced to the parameter that failed): the typed query
    /// values with the default seed, the calendar's ends with seeds 1 and 2 at 40 probes a route. Each as anonymous and admin.
    /// </summary>
    [Theory]
    [InlineData("/teams/amara?page=undefined&pageSize=%2B")]
    [InlineData("/teams/amara?page=1097075085015&page=&pageSize=%EF%BF%BD%5c..%5c")]
    [InlineData("/people?page=1E%2B400")]
    [InlineData("/people?page=..")]
    [InlineData("/people/amara?actionsPage=%EF%BF%BF&ideasPage=OR%20NOT")]
    [InlineData("/people/amara?page=%F0%9F%98%80&ideasPage=/")]
    [InlineData("/account/login?reset=1")]
    [InlineData("/account/login?reset=%09..;")]
    [InlineData("/account/forgot?sent=Infinity&sent=%C3%A9")]
    [InlineData("/account/register?sent=%%32%35")]
    // Old meetbot addresses stamped at the calendar's ends.
    [InlineData("/teams/~/x.0001-01-01-00.00.txt")]
    [InlineData("/teams/olek/...-9999-12-31-23.59.log.html")]
    [InlineData("/Yusuf/1970-01-01/x.9999-12-31-23.59.html")]
    [InlineData("/-2/8237-06-60/x.0001-01-01-00.00.log.html")]
    public async Task Known_hostile_requests_answer_below_500_in_time(string url)
    {
        var route = new GetRoute(url, RoutePatternFactory.Parse("/"), [], [], false, "regression");
        using var clients = await ClientsAsync();
        var report = await RunAsync(clients, [new Probe(route, url, Admin: false), new Probe(route, url, Admin: true)], timed: true);
        Assert.Empty(report.Failures);
    }

    // ---- the table ------------------------------------------------------------------------------------------------

    private List<GetRoute> Routes()
    {
        var endpoints = site.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains("GET"))
            .Where(e => !IsStaticFile(e))
            .ToList();

        // Components that are not pages read the query too (a form inside the account page): any page may host them.
        var pageTypes = endpoints.Select(e => e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type).OfType<Type>().ToHashSet();
        var hosted = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !pageTypes.Contains(t))
            .SelectMany(QueryNamesOf).Distinct(StringComparer.Ordinal).ToList();

        var routes = new List<GetRoute>();
        foreach (var e in endpoints)
        {
            var component = e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
            var pattern = "/" + e.RoutePattern.RawText?.TrimStart('/');
            var parameters = e.RoutePattern.Parameters.Select(p => new RouteParam(p.Name, KindOf(p))).ToList();
            var query = component is not null
                ? [.. QueryNamesOf(component), .. hosted]
                : QueryNamesOf(e.Metadata.GetMetadata<MethodInfo>(), parameters);
            var signedIn = e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null;
            routes.Add(new GetRoute(pattern, e.RoutePattern, parameters, [.. query.Distinct(StringComparer.Ordinal)], signedIn, component is null ? "endpoint" : "page"));
        }

        return [.. routes.DistinctBy(r => r.Pattern).OrderBy(r => r.Pattern, StringComparer.Ordinal)];
    }

    // MapStaticAssets: one endpoint per file of wwwroot and of the framework, without parameters or handler code.
    private static bool IsStaticFile(RouteEndpoint e)
        => e.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAssetDescriptor", StringComparison.Ordinal) == true);

    private static ParamKind KindOf(RoutePatternParameterPart p)
    {
        foreach (var policy in p.ParameterPolicies)
        {
            if (policy.Content == "int" || policy.ParameterPolicy is IntRouteConstraint) return ParamKind.Number;
            if (policy.ParameterPolicy is RegexRouteConstraint) return ParamKind.Date;
            if (policy.ParameterPolicy?.GetType().Name.Contains("MeetbotFile", StringComparison.Ordinal) == true) return ParamKind.MeetbotFile;
        }

        return ParamKind.Text;
    }

    private static IEnumerable<string> QueryNamesOf(Type component)
    {
        for (var t = component; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var property in t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query) yield return query.Name ?? property.Name;
            }
        }
    }

    // A handler's parameters bound from the query: simple values (what minimal APIs bind from the query by default) not
    // named by the route, and any [FromQuery].
    private static List<string> QueryNamesOf(MethodInfo? handler, List<RouteParam> routeParams)
    {
        var names = new List<string>();
        foreach (var p in handler?.GetParameters() ?? [])
        {
            var attributes = p.GetCustomAttributes(true);
            if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } fromQuery)
            {
                names.Add(fromQuery.Name ?? p.Name!);
                continue;
            }

            if (attributes.Any(a => a is IFromServiceMetadata or IFromBodyMetadata or IFromFormMetadata or IFromHeaderMetadata or IFromRouteMetadata)) continue;
            if (routeParams.Any(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase))) continue;
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
                || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Guid) || type == typeof(string[]))
            {
                names.Add(p.Name!);
            }
        }

        return names;
    }

    // ---- values ---------------------------------------------------------------------------------------------------

    /// <summary>Ordinary values of the site, so that hostile query values reach pages that exist.</summary>
    public sealed record RealValues(string TeamKey, string[] MeetingIds, string[] People);

    private async Task<RealValues> RealValuesAsync()
    {
        await using var db = site.Db();
        var ct = TestContext.Current.CancellationToken;
        var meetings = await db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync(ct);
        var people = await db.People.OrderBy(p => p.Id).Select(p => p.Name).Take(2).ToListAsync(ct);
        return new(site.TeamKey, [.. meetings.Select(Text), Text(site.ChainId), Text(site.IdeaId)], [.. people]);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] Corners = ["2147483647", "-2147483648", "0", "99999999999"];

    private static readonly string[] Numbers =
    [
        "0", "-0", "-1", "1", "-2147483648", "2147483647", "2147483648", "-2147483649", "4294967296", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999999999", "1e9", "1E+400", "NaN", "Infinity",
        "0x7FFFFFFF", "1.5", "1,000", " 7", "7 ", "+3", "007", "-99999", "\u0663", "\uFF17", "1_000",
    ];

    private static readonly string[] Texts =
    [
        "", " ", "   ", "\t", "\r\n", "\u202E", "\u200F", "\u202Egnp.exe", "\uFEFF", "\u00A0", "' OR '1'='1", "'; DROP TABLE Meetings; --", "\"",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "javascript:alert(1)", "//evil.example/", "\\\\evil\\share",
        "%", "%%", "_", "*", "?", "*:*", "a*b?c", "[a TO z", "{a TO z]", "\"unbalanced", "(((", "a~2", "a^9999", "title:x", "AND", "OR NOT",
        "/regex.*/", "\\", "^", "!", "-", "+", "&&", "||", "null", "undefined", "true", "con", "nul", ".", "..", "../..", "...", "~", "\0", "é",
        "日本語", "😀", "\uD83D", "İ", "ß", "ǅ", "a\u0301", "@", "#", "#channel", "a/b", "a\\b", "a;b", "a|b", "${jndi:ldap://x}", "{{7*7}}",
    ];

    private static readonly string[] Escapes =
    [
        "%C3%28", "%FF", "%FE%FF", "%E2%82", "%C0%AF", "%C0%80", "%ED%A0%80", "%F4%90%80%80", "%F8%88%80%80%80", "%2e%2e", "%2e%2e%2f",
        "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "..%2f..%2f", "%2F", "%2f%2f", "%5C", "%5c..%5c", "%00", "a%00b", "%", "%G0", "%%32%35", "%25",
        "%252e%252e", "+", "%2B", "%20", "%0d%0aX-Injected:%20yes", "%3Cscript%3E", "..", ".", "..;", "%u002e", "%E2%80%AE", "%EF%BF%BF",
    ];

    /// <summary>Percent-encodes the UTF-8 of <paramref name="text"/> (a lone surrogate becomes U+FFFD) but for RFC 3986's unreserved characters.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static readonly Gen<string> Long = Gen.OneOf(
        Gen.Const(new string('a', 10_240)),
        Gen.Const(new string('9', 10_240)),
        Gen.Const("-" + new string('9', 10_240)),
        Gen.Const(string.Concat(Enumerable.Repeat("%FF", 3_414))),
        Gen.Const(string.Concat(Enumerable.Repeat("..%2F", 2_048))),
        Gen.Const(Escape(string.Concat(Enumerable.Repeat("é", 5_120)))),
        Gen.Const(Escape(string.Concat(Enumerable.Repeat("a* ", 3_414)))),
        Gen.Char['a', 'z'].Array[10_240].Select(c => new string(c)));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.OneOf(Numbers).Select(Escape),
        Gen.Int.Select(n => Text(n)),
        Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Any hostile value, as URL text.</summary>
    private static readonly Gen<string> Hostile = Gen.Frequency(
        (4, Number),
        (4, Gen.OneOf(Texts).Select(Escape)),
        (4, Gen.OneOf(Escapes)),
        (2, Gen.Char['\0', '\x1F'].Array[1, 8].Select(c => Escape(new string(c) + "\x7F"))),
        (2, Gen.String[0, 40].Select(Escape)),
        (1, Long),
        (2, Gen.Select(Gen.OneOf(Texts).Select(Escape), Gen.OneOf(Escapes), (a, b) => a + b)));

    // meetbot's <name>.<YYYY-MM-DD-HH.MM><kind>, dates at the ends of the calendar: what the old-URL constraint lets through.
    private static Gen<string> MeetbotFile(RealValues real) =>
        from name in Gen.Frequency((2, Gen.Const(real.TeamKey)), (2, Hostile), (1, Gen.Const("x")))
        from end in Gen.Frequency((2, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(9999)))
        from year in Gen.OneOf(Gen.OneOf(1, 2, 1970, 2024, 9998, 9999), Gen.Int[1, 9999])
        from month in Gen.OneOf(Gen.OneOf(1, 12), Gen.Int[1, 12])
        from day in Gen.OneOf(Gen.OneOf(1, 28, 31), Gen.Int[1, 28])
        from hour in Gen.OneOf(Gen.OneOf(0, 23), Gen.Int[0, 23])
        from minute in Gen.OneOf(Gen.OneOf(0, 59), Gen.Int[0, 59])
        from sep in Gen.OneOf(".", "-")
        from kind in Gen.OneOf(".html", ".txt", ".log.html", ".log.txt")
        select end switch
        {
            // The first and last minutes of the calendar, whole.
            1 => $"{name}{sep}0001-01-01-00.00{kind}",
            9999 => $"{name}{sep}9999-12-31-23.59{kind}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{name}{sep}{year:0000}-{month:00}-{Math.Min(day, DateTime.DaysInMonth(year, month)):00}-{hour:00}.{minute:00}{kind}"),
        };

    private static readonly Gen<string> DateLike = Gen.Frequency(
        (3, Gen.OneOf("0001-01-01", "9999-12-31", "0000-00-00", "9999-99-99", "2024-02-30", "2024-01-01", "1970-01-01")),
        (1, Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 99], Gen.Int[0, 99], (y, m, d) => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{m:00}-{d:00}"))),
        (1, Hostile));

    private static Gen<string> ValueOf(RouteParam p, RealValues real) => p.Kind switch
    {
        ParamKind.Number => Gen.Frequency((2, Gen.OneOf(real.MeetingIds)), (4, Number), (1, Hostile)),
        ParamKind.MeetbotFile => Gen.Frequency((4, MeetbotFile(real)), (1, Hostile)),
        ParamKind.Date => DateLike,
        _ => Gen.Frequency(
            (2, Gen.OneOf([real.TeamKey, .. real.People.Select(Escape)])),
            (5, Hostile),
            (1, Gen.Select(Gen.OneOf([real.TeamKey, .. real.People.Select(Escape)]), Hostile, (a, b) => a + b))),
    };

    // A query value: hostile mostly, sometimes an ordinary one the route understands, so that the others are read.
    private static Gen<string> QueryValue(RealValues real) => Gen.Frequency(
        (6, Hostile),
        (1, Gen.OneOf("1", "2", "open", "overdue", "age", "relevance", "newest", real.TeamKey, "/")));

    private static Gen<Probe> ProbeGen(GetRoute route, RealValues real)
    {
        var values = Sequence(route.Params.Select(p => ValueOf(p, real)));
        var pairs = Sequence(route.Query.Select(name =>
            Gen.Frequency((1, Gen.Const(Array.Empty<string>())), (4, QueryValue(real).Select(v => new[] { name + "=" + v })), (1, QueryValue(real).Array[2].Select(v => v.Select(x => name + "=" + x).ToArray())))));
        var stray = Gen.Frequency((3, Gen.Const(Array.Empty<string>())), (1, Gen.Select(Hostile, Hostile, (k, v) => new[] { k + "=" + v })), (1, Hostile.Select(v => new[] { v })));
        var admin = route.SignedIn ? Gen.Frequency((1, Gen.Const(false)), (3, Gen.Const(true))) : Gen.Frequency((2, Gen.Const(false)), (1, Gen.Const(true)));
        return Gen.Select(values, pairs, stray, admin, (v, q, s, a) =>
        {
            var byName = route.Params.Select((p, i) => (p.Name, Value: v[i])).ToDictionary(x => x.Name, x => x.Value, StringComparer.OrdinalIgnoreCase);
            var query = q.SelectMany(x => x).Concat(s).ToList();
            return new Probe(route, Fill(route, p => byName[p.Name], query), a);
        });
    }

    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> gens)
        => gens.Aggregate(Gen.Const(Array.Empty<T>()), (all, g) => all.SelectMany(a => g.Select(x => (T[])[.. a, x])));

    // The pattern with its parameters filled (URL text as given), the query appended; a URL kept under Uri's length limit.
    private static string Fill(GetRoute route, Func<RouteParam, string> value, IReadOnlyList<string> query)
    {
        var path = new StringBuilder();
        foreach (var segment in route.Parsed.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart l => l.Content,
                    RoutePatternSeparatorPart s => s.Content,
                    RoutePatternParameterPart p => value(route.Params.Single(x => x.Name == p.Name)),
                    _ => throw new InvalidOperationException(part.GetType().Name),
                });
            }
        }

        var url = path.Length == 0 ? "/" : path.ToString();
        var kept = query.ToList();
        while (kept.Count > 0 && url.Length + kept.Sum(q => q.Length + 1) > 48_000) kept.RemoveAt(kept.Count - 1);
        return kept.Count == 0 ? url : url + "?" + string.Join('&', kept);
    }

    // ---- the requests ---------------------------------------------------------------------------------------------

    private sealed class Report
    {
        public int Requests { get; set; }

        public TimeSpan Total { get; set; }

        public TimeSpan Slowest { get; set; }

        public string SlowestUrl { get; set; } = string.Empty;

        public Dictionary<int, int> Statuses { get; } = [];

        public List<string> Failures { get; } = [];

        public void Add(Report other)
        {
            Requests += other.Requests;
            Total += other.Total;
            if (other.Slowest > Slowest) (Slowest, SlowestUrl) = (other.Slowest, other.SlowestUrl);
            foreach (var (status, count) in other.Statuses) Statuses[status] = Statuses.GetValueOrDefault(status) + count;
            Failures.AddRange(other.Failures);
        }
    }

    private sealed record Clients(HttpClient Anonymous, HttpClient Admin) : IDisposable
    {
        public void Dispose()
        {
            Anonymous.Dispose();
            Admin.Dispose();
        }
    }

    private async Task<Clients> ClientsAsync() => new(await site.ClientAsync("anonymous"), await site.ClientAsync("admin"));

    private static async Task<Report> RunAsync(Clients clients, IReadOnlyList<Probe> probes, bool timed)
    {
        var ct = TestContext.Current.CancellationToken;
        var report = new Report();
        var total = Stopwatch.StartNew();
        foreach (var probe in probes)
        {
            var shown = Shown(probe.Url);
            var who = probe.Admin ? "admin" : "anonymous";
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await (probe.Admin ? clients.Admin : clients.Anonymous).GetAsync(new Uri(probe.Url, UriKind.Relative), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                watch.Stop();
                var status = (int)response.StatusCode;
                report.Statuses[status] = report.Statuses.GetValueOrDefault(status) + 1;
                if (status >= 500) report.Failures.Add($"{status} GET {shown} as {who} [{probe.Route.Pattern}]: {Cause(body)}");
            }
            // (By the decoder's type: in a Release build DecodeRequestLine is inlined into DecodeCore.)
            catch (InvalidOperationException e) when (e.StackTrace?.Contains("Microsoft.AspNetCore.Internal.UrlDecoder.", StringComparison.Ordinal) == true)
            {
                // A path with an encoded NUL: ASP.NET's request-line decoder refuses it before the app. Kestrel answers
                // 400 for it; TestServer's client (the same decoder) throws instead. Counted as Kestrel answers it.
                watch.Stop();
                report.Statuses[400] = report.Statuses.GetValueOrDefault(400) + 1;
            }
#pragma warning disable CA1031 // any other exception out of the client is a failure of the property, reported with the others
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
            {
                watch.Stop();
                var thrown = e.ToString().ReplaceLineEndings(" ");
                report.Failures.Add($"threw GET {shown} as {who} [{probe.Route.Pattern}]: {(thrown.Length <= 1500 ? thrown : thrown[..1500])}");
            }

            report.Requests++;
            if (watch.Elapsed > report.Slowest) (report.Slowest, report.SlowestUrl) = (watch.Elapsed, shown);
            if (timed && watch.Elapsed > Bound) report.Failures.Add($"{watch.Elapsed.TotalMilliseconds:0} ms GET {shown} as {who} [{probe.Route.Pattern}]");
        }

        report.Total = total.Elapsed;
        return report;
    }

    private static string Shown(string url) => url.Length <= 300 ? url : $"{url[..200]}…({url.Length} chars)…{url[^60..]}";

    // The developer exception page's title (the test host runs in Development): the exception and its message.
    private static string Cause(string body)
    {
        var title = TitleError().Match(body);
        var frame = FirstFrame().Match(body);
        var text = title.Success ? WebUtility.HtmlDecode(title.Groups[1].Value) : body;
        var at = frame.Success ? " at " + WebUtility.HtmlDecode(frame.Groups[1].Value) : string.Empty;
        var cause = (text + at).ReplaceLineEndings(" ");
        return cause.Length <= 600 ? cause : cause[..600];
    }

    [GeneratedRegex("<h2 class=\"titleerror\">(.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex TitleError();

    [GeneratedRegex("<div class=\"source\">\\s*<span class=\"function\">\\s*(MeetingTracker[^<]*)</span>", RegexOptions.Singleline)]
    private static partial Regex FirstFrame();
}
