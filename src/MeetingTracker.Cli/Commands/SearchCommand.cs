using Microsoft.Extensions.Configuration;
using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MeetingTracker.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>search QUERY [--data DIR] [--json] [--newest] [--page N]</c>: the query language of the site. The JSON lists hits
/// with meetingKey, line, nick, time, kind and snippet (a contract). A query that cannot be understood exits 2 with why.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var query = new Argument<string>("QUERY") { Description = "e.g. \"mirror rotation\" nick:mira kind:action after:2026-01-01" };
        var data = DataOption.Create();
        var json = new Option<bool>("--json") { Description = "Print JSON: hits with meetingKey, line, nick, time, kind, snippet." };
        var newest = new Option<bool>("--newest") { Description = "Newest meetings first (default: most relevant)." };
        var page = new Option<int>("--page") { Description = "Page of meetings (10 a page).", DefaultValueFactory = _ => 1 };
        var command = new Command("search", "Search every meeting's log and minutes.") { query, data, json, newest, page };
        command.SetAction(async (result, token) =>
        {
            await using var services = await DataOption.OpenAsync(result.GetRequiredValue(data), configuration, token);
            var request = new SearchRequest(result.GetRequiredValue(query), result.GetValue(page), 10, result.GetValue(newest) ? SearchOrder.Newest : SearchOrder.Relevance);
            var found = await services.GetRequiredService<SearchService>().SearchAsync(request, token);
            if (found.Error is not null)
            {
                stderr.WriteLine($"meetingtracker: {found.Error}");
                return CliApp.UsageError;
            }

            if (result.GetValue(json)) WriteJson(found, stdout);
            else WriteText(found, stdout);
            return 0;
        });
        return command;
    }

    private static void WriteJson(SearchResults found, TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("query", found.Query);
            w.WriteNumber("totalHits", found.TotalHits);
            w.WriteNumber("totalMeetings", found.TotalMeetings);
            w.WriteNumber("page", found.Page);
            w.WriteStartArray("hits");
            foreach (var hit in found.Meetings.SelectMany(m => m.Hits))
            {
                w.WriteStartObject();
                w.WriteString("meetingKey", hit.MeetingKey);
                if (hit.Line is { } line) w.WriteNumber("line", line);
                else w.WriteNull("line");
                w.WriteString("nick", hit.Nick);
                w.WriteString("time", hit.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("kind", hit.Kind);
                w.WriteString("snippet", hit.Snippet);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteText(SearchResults found, TextWriter stdout)
    {
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{found.TotalHits} hits in {found.TotalMeetings} meetings (page {found.Page})"));
        foreach (var meeting in found.Meetings)
        {
            stdout.WriteLine($"== {meeting.MeetingKey} ({meeting.Team}, {meeting.HitCount} hits)");
            foreach (var hit in meeting.Hits)
            {
                var text = WebUtility.HtmlDecode(hit.Snippet.Replace("<mark>", "[", StringComparison.Ordinal).Replace("</mark>", "]", StringComparison.Ordinal));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   l-{hit.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"} {hit.Time:HH:mm} <{hit.Nick}> {hit.Kind}: {text}"));
            }
        }
    }
}
