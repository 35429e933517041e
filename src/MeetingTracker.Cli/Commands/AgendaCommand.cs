using System.CommandLine;
using MeetingTracker.Core.Meetings;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Topics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>agenda TEAM [--data DIR] [--format meetbot|markdown|text] [--url URL]</c>: the ready agenda of the team's next
/// meeting, as the site's /teams/{team}/agenda gives it (<see cref="AgendaReader"/>, <see cref="AgendaWriter"/>), on
/// standard output. Links point under --url, else <c>MeetingTracker:PublicUrl</c>, else http://localhost:5080/ (the
/// development site). Exit code 0, 1 when the team or the database is not there, 2 for a usage error.
/// </summary>
internal static class AgendaCommand
{
    private static readonly Uri LocalSite = new("http://localhost:5080/");

    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var team = new Argument<string>("TEAM") { Description = "The team's key or one of its names." };
        var data = DataOption.Create();
        var format = new Option<string>("--format")
        {
            Description = "meetbot (commands to paste into the channel), markdown or text.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("meetbot", "markdown", "text");
        var url = new Option<string?>("--url") { Description = $"The site's public address for the agenda's links. Default: ${CliConfiguration.PublicUrlVariable}, else {LocalSite}." };
        var command = new Command("agenda", "Print the agenda of a team's next meeting: standing topics, actions to follow up, ideas waiting, topics left open.")
        {
            team, data, format, url,
        };
        command.SetAction((result, token) => ExecuteAsync(
            result.GetRequiredValue(team), result.GetRequiredValue(data), AgendaWriter.ParseFormat(result.GetValue(format))!.Value, result.GetValue(url),
            configuration, stdout, stderr, token));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        string teamName, DirectoryInfo data, AgendaFormat format, string? urlText, IConfiguration configuration, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (configured, urlError) = CliConfiguration.PublicUrl(configuration);
        Uri site;
        if (urlText is not null)
        {
            if (CliConfiguration.WebUrl(urlText) is not { } given)
            {
                stderr.WriteLine($"meetingtracker: --url: '{urlText}' is not an absolute http(s) URL");
                return CliApp.UsageError;
            }

            site = given;
        }
        else if (urlError is not null)
        {
            stderr.WriteLine($"meetingtracker: {urlError}");
            return CliApp.UsageError;
        }
        else
        {
            site = configured ?? LocalSite;
        }

        if (!await DataOption.ExistsAsync(data, configuration, cancellationToken))
        {
            return AccountServices.Fail(stderr, $"no database in {DataOption.Where(data, configuration)} (import meetings first, or pass --data)");
        }

        await using var services = await ReminderServices.OpenAsync(data.FullName, configuration, configure: null, cancellationToken);
        await using var db = await AccountServices.DbAsync(services, cancellationToken);
        if (await TeamNames.FindAsync(db, teamName, cancellationToken) is not { } team)
        {
            return AccountServices.Fail(stderr, $"no team is called '{teamName}'");
        }

        var agenda = await services.GetRequiredService<AgendaReader>().ReadAsync(team.Id, site, cancellationToken);
        stdout.Write(AgendaWriter.Write(agenda, format));
        return 0;
    }
}
