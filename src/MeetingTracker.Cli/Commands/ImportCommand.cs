using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using MeetingTracker.Core.Harvesting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// <c>import SOURCE [--data DIR]</c>: harvests a folder or a meetbot HTTP server once, with a progress bar on a
/// terminal, and ends with the line <c>meetings: N new, N updated, N unchanged, N failed</c> (a contract).
/// Exit code 0 when every meeting was stored, 1 when a meeting, a folder listing or the run failed.
/// </summary>
internal static partial class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        var source = new Argument<string>("SOURCE") { Description = "A meetbot folder or the http(s) URL of a meetbot server's listing." };
        var data = DataOption.Create();
        var name = new Option<string?>("--name") { Description = "Source name (default: made from SOURCE). Runs are listed under it." };
        var include = new Option<string[]>("--include") { Description = "Only channels or meeting names matching these patterns (* and ?).", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude") { Description = "Skip channels or meeting names matching these patterns.", AllowMultipleArgumentsPerToken = true };
        var since = new Option<DateOnly?>("--since") { Description = "Skip meetings before this day (yyyy-MM-dd)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Files fetched at once.", DefaultValueFactory = _ => 4 };
        var rps = new Option<double>("--rps") { Description = "HTTP requests per second at most (0: no limit).", DefaultValueFactory = _ => 20 };
        var command = new Command("import", "Harvest a meetbot folder or server once into the database.") { source, data, name, include, exclude, since, concurrency, rps };
        command.SetAction(async (result, token) =>
        {
            var location = result.GetRequiredValue(source);
            var options = new SourceOptions
            {
                Name = result.GetValue(name) ?? NameOf(location),
                Location = location,
                Since = result.GetValue(since),
                Concurrency = result.GetValue(concurrency),
                RequestsPerSecond = result.GetValue(rps),
            };
            options.Include.AddRange(result.GetValue(include) ?? []);
            options.Exclude.AddRange(result.GetValue(exclude) ?? []);
            return await ExecuteAsync(options, result.GetRequiredValue(data), configuration, stdout, stderr, token);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(SourceOptions options, DirectoryInfo dataDir, IConfiguration configuration, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!options.IsHttp && !Directory.Exists(options.Location))
        {
            stderr.WriteLine($"meetingtracker: no such folder: {options.Location} (give a folder or an http(s) URL)");
            return CliApp.UsageError;
        }

        await using var services = await DataOption.OpenAsync(dataDir, configuration, cancellationToken);
        var harvester = services.GetRequiredService<Harvester>();
        HarvestSummary summary;
        try
        {
            summary = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected
                ? await WithProgressBarAsync(harvester, options, cancellationToken)
                : await harvester.HarvestAsync(options, null, cancellationToken);
        }
        catch (HarvestBusyException e)
        {
            stderr.WriteLine($"meetingtracker: {e.Message}");
            return 1;
        }

        await RunsCommand.WriteFailuresAsync(services, summary.RunId, stdout, cancellationToken);
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"run {summary.RunId} of {options.Name}: {summary.Status.ToString().ToLowerInvariant()}; {summary.FilesFetched} bodies transferred ({summary.BytesFetched / 1024.0:F0} KiB), {summary.NotModified} not modified, {summary.Requests} requests"));
        if (summary.Error is not null) stderr.WriteLine($"meetingtracker: {summary.Error}");
        stdout.WriteLine(summary.MeetingsLine);
        return summary.Status == HarvestStatus.Succeeded && summary.Failed == 0 && summary.FoldersFailed == 0 ? 0 : 1;
    }

    private static Task<HarvestSummary> WithProgressBarAsync(Harvester harvester, SourceOptions options, CancellationToken cancellationToken)
        => AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask($"harvesting {Markup.Escape(options.Name)}", maxValue: 1);
            task.IsIndeterminate = true;
            var progress = new Progress<HarvestProgress>(p =>
            {
                if (p.Total == 0) return;
                task.IsIndeterminate = false;
                task.MaxValue = p.Total;
                task.Value = p.Done;
            });
            return await harvester.HarvestAsync(options, progress, cancellationToken);
        });

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();

    /// <summary>A source name from its location: <c>https://meetbot.fedoraproject.org/</c> gives <c>meetbot.fedoraproject.org</c>.</summary>
    internal static string NameOf(string location)
    {
        var raw = Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? uri.Authority + uri.AbsolutePath
            : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(location)));
        var name = Unsafe().Replace(raw, "-").Trim('-', '.', '_');
        return name.Length == 0 ? "source" : name;
    }
}
