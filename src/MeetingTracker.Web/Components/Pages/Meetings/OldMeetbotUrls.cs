using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Meetings;

/// <summary>
/// The addresses meetbot servers gave their files, redirected to the meeting page: Fedora/MeetBot's
/// <c>/{channel}/{date}/{file}</c> and mote's <c>/teams/{team}/{file}</c>. Permanent (301): the meeting page is the
/// file's new home for good (a meeting's id survives every re-read), so browsers, feed readers and search engines
/// may replace the old link. Only file names with a meetbot stamp and one of the four published kinds match, so
/// <c>/teams/{key}</c> and <c>/teams/{key}/latest</c> stay with the team pages.
/// </summary>
public static class OldMeetbotUrls
{
    private static readonly string[] Kinds = [".html", ".txt", ".log.html", ".log.txt"];

    public static IEndpointRouteBuilder MapOldMeetbotUrls(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var file = new MeetbotFileConstraint();
        var get = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);

        // Constraint objects rather than regex text in the template, which would need its braces and backslashes escaped.
        app.Map(RoutePatternFactory.Parse("/{channel}/{date}/{file}", null, new { date = new RegexRouteConstraint(@"^\d{4}-\d{2}-\d{2}$"), file }), FromFolderAsync)
            .WithMetadata(get).WithName("OldMeetbotFileUrl").ExcludeFromDescription();
        app.Map(RoutePatternFactory.Parse("/teams/{team}/{file}", null, new { file }), FromMoteTeamAsync)
            .WithMetadata(get).WithName("OldMoteTeamFileUrl").ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, Microsoft.AspNetCore.Http.HttpResults.NotFound>> FromFolderAsync(
        string channel, string date, string file, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        var name = MeetingFileName.TryParse(file)!;
        var folder = channel + "/" + date;
        var candidates = await CandidatesAsync(dbFactory, name, cancellationToken);

        // The source may be rooted above or below the server's document root: its folder then only ends the same.
        var match = candidates.Find(c => string.Equals(c.Folder, folder, StringComparison.Ordinal))
            ?? candidates.Find(c => c.Folder.EndsWith("/" + folder, StringComparison.Ordinal) || folder.EndsWith("/" + c.Folder, StringComparison.Ordinal));
        return Redirect(request, match?.Id, name);
    }

    private static async Task<Results<RedirectHttpResult, Microsoft.AspNetCore.Http.HttpResults.NotFound>> FromMoteTeamAsync(
        string team, string file, HttpRequest request, IDbContextFactory<TrackerDb> dbFactory, CancellationToken cancellationToken)
    {
        var name = MeetingFileName.TryParse(file)!;
        var key = TeamNames.Normalize(team);
        var candidates = await CandidatesAsync(dbFactory, name, cancellationToken);
        var match = candidates.Find(c => string.Equals(c.TeamKey, key, StringComparison.Ordinal)) ?? candidates.FirstOrDefault();
        return Redirect(request, match?.Id, name);
    }

    private sealed record Candidate(int Id, string Folder, string TeamKey);

    // Meetings whose files share the name's key, found through the start-time index: the stamp is the start minute in
    // the bot's clock, a day either way covers any time zone a bot was set to. The window stops at the calendar's ends:
    // 0001-01-01-00.00 and 9999-12-31-23.59 are stamps a name may carry (a day past them threw: a 500).
    private static async Task<List<Candidate>> CandidatesAsync(IDbContextFactory<TrackerDb> dbFactory, MeetingFileName name, CancellationToken cancellationToken)
    {
        var key = name.MeetingKey;
        var (start, day) = (name.StartMinute, TimeSpan.FromDays(1));
        var from = start - DateTimeOffset.MinValue > day ? start - day : DateTimeOffset.MinValue;
        var to = DateTimeOffset.MaxValue - start > day ? start + day : DateTimeOffset.MaxValue;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Meetings.AsNoTracking()
            .Where(m => m.StartedAt >= from && m.StartedAt <= to && m.MeetingKey == key)
            .OrderBy(m => m.Id)
            .Select(m => new Candidate(m.Id, m.Folder, m.Team!.Key))
            .ToListAsync(cancellationToken);
    }

    // A .log.html link often ends in MeetBot's #l-N, which the browser carries over a redirect without a fragment,
    // and the page's lines have the same anchors: so only the text log, which has no anchors, points at #log.
    private static Results<RedirectHttpResult, Microsoft.AspNetCore.Http.HttpResults.NotFound> Redirect(HttpRequest request, int? meetingId, MeetingFileName name)
    {
        if (meetingId is not { } id) return TypedResults.NotFound();
        var fragment = name.Extension == ".log.txt" ? "#log" : string.Empty;
        return TypedResults.Redirect($"{request.PathBase}/{Links.Meeting(id)}{fragment}", permanent: true);
    }

    private sealed class MeetbotFileConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
            => values.TryGetValue(routeKey, out var value) && value is string file
               && MeetingFileName.TryParse(file) is { } name && Kinds.Contains(name.Extension, StringComparer.Ordinal);
    }
}
