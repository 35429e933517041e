using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MeetingTracker.LogGen.Generation;
using MeetingTracker.LogGen.Serving;

var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the server into", Required = true };
var layout = new Option<ServerLayout>("--layout") { Description = "fedora, debian, openstack or ubuntu (meetingology; the start date chooses its era)", DefaultValueFactory = _ => ServerLayout.Fedora };
var bot = new Option<string?>("--bot") { Description = "The bot's nick in the logs (default: the layout's usual bot)" };
var teams = new Option<int>("--teams") { Description = "Number of teams", DefaultValueFactory = _ => 4 };
var weeks = new Option<int>("--weeks") { Description = "Number of weekly meetings per team", DefaultValueFactory = _ => 12 };
var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same bytes", DefaultValueFactory = _ => 1 };
var start = new Option<DateOnly>("--start") { Description = "First day of the first week (yyyy-MM-dd)", DefaultValueFactory = _ => new DateOnly(2026, 1, 5) };
var urlPrefix = new Option<string>("--url-prefix") { Description = "Prefix of the log URLs printed in the text minutes", DefaultValueFactory = _ => "https://meetbot.example.org/" };

var root = new RootCommand("Writes a synthetic meetbot server: weekly meetings of several teams, byte-compatible with MeetBot's files.")
{
    output, layout, teams, weeks, seed, start, urlPrefix, bot,
};
root.SetAction(parse =>
{
    var options = new GeneratorOptions
    {
        Layout = parse.GetValue(layout),
        Teams = parse.GetValue(teams),
        Weeks = parse.GetValue(weeks),
        Seed = parse.GetValue(seed),
        Start = parse.GetValue(start),
        UrlPrefix = parse.GetValue(urlPrefix)!,
        BotNick = parse.GetValue(bot),
    };
    if (options.Teams < 1 || options.Weeks < 1)
    {
        Console.Error.WriteLine("--teams and --weeks must be at least 1");
        return 2;
    }

    var watch = Stopwatch.StartNew();
    var summary = ServerGenerator.WriteTo(parse.GetValue(output)!.FullName, options, CancellationToken.None);
    watch.Stop();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{summary.Meetings} meetings (+{summary.RenameStubs} rename stubs), {summary.Files} files, {summary.Bytes / 1024.0 / 1024.0:F1} MiB in {watch.Elapsed.TotalSeconds:F1} s ({summary.Meetings / Math.Max(watch.Elapsed.TotalSeconds, 0.001):F0} meetings/s)"));
    return 0;
});
var serveRoot = new Option<DirectoryInfo>("--root") { Description = "Folder to serve (a generated server)", Required = true };
var style = new Option<ListingStyle>("--style") { Description = "Listing style: apache, nginx or plain", DefaultValueFactory = _ => ListingStyle.Apache };
var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 8080 };
var serve = new Command("serve", "Serves a meetbot tree over HTTP on 127.0.0.1 with directory listings, until Ctrl+C.") { serveRoot, style, port };
serve.SetAction(async (parse, cancellationToken) =>
{
    await using var server = await MeetbotHttpServer.StartAsync(parse.GetValue(serveRoot)!.FullName, parse.GetValue(style), cancellationToken, parse.GetValue(port));
    Console.WriteLine($"Serving {parse.GetValue(serveRoot)!.FullName} at {server.BaseUri} ({parse.GetValue(style)} listings); Ctrl+C stops.");
    try
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine($"{server.Log.Requests} requests, {server.Log.Bodies} bodies, {server.Log.NotModified} not modified.");
    }

    return 0;
});
root.Subcommands.Add(serve);

return await root.Parse(args).InvokeAsync();
