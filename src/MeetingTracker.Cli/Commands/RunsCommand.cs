using Microsoft.Extensions.Configuration;
using System.CommandLine;
using System.Globalization;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary><c>runs [--data DIR] [--source NAME] [--limit N]</c>: recent harvest runs, newest first, and the files they could not use.</summary>
internal static class RunsCommand
{
    public static Command Create(TextWriter stdout, IConfiguration configuration)
    {
        var data = DataOption.Create();
        var source = new Option<string?>("--source") { Description = "Only runs of this source." };
        var limit = new Option<int>("--limit") { Description = "How many runs.", DefaultValueFactory = _ => 10 };
        var command = new Command("runs", "List recent harvest runs and the files they could not use, with reasons.") { data, source, limit };
        command.SetAction(async (result, token) =>
        {
            await using var services = await DataOption.OpenAsync(result.GetRequiredValue(data), configuration, token);
            return await ExecuteAsync(services, result.GetValue(source), Math.Max(1, result.GetValue(limit)), stdout, token);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(ServiceProvider services, string? source, int limit, TextWriter stdout, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(cancellationToken);
        var query = db.Runs.AsNoTracking().Include(r => r.Source).AsQueryable();
        if (source is not null) query = query.Where(r => r.Source!.Name == source);
        var runs = await query.OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        if (runs.Count == 0)
        {
            stdout.WriteLine(source is null ? "no harvest runs yet" : $"no harvest runs of '{source}'");
            return 0;
        }

        stdout.WriteLine("run  source               started (UTC)     took     status       new  updated  unchanged  failed  fetched  304");
        foreach (var r in runs)
        {
            var took = r.EndedAt is { } end ? $"{(end - r.StartedAt).TotalSeconds:F1}s" : "-";
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Id,-4} {Clip(r.Source!.Name, 20),-20} {r.StartedAt:yyyy-MM-dd HH:mm}  {took,-8} {r.Status.ToString().ToLowerInvariant(),-12} {r.MeetingsNew,4} {r.MeetingsUpdated,8} {r.MeetingsUnchanged,10} {r.MeetingsFailed,7} {r.FilesFetched,8} {r.NotModified,4}"));
            if (r.Error is not null) stdout.WriteLine($"     error: {r.Error}");
        }

        foreach (var r in runs)
        {
            await WriteFailuresAsync(services, r.Id, stdout, cancellationToken);
        }

        return 0;
    }

    /// <summary>Prints <c>failed (run N): PATH: REASON</c> for each file the run could not use.</summary>
    public static async Task WriteFailuresAsync(IServiceProvider services, int runId, TextWriter stdout, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(cancellationToken);
        var failures = await db.FileOutcomes.AsNoTracking().Where(o => o.RunId == runId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        foreach (var f in failures)
        {
            stdout.WriteLine($"failed (run {runId}): {f.Path}: {f.Reason}");
        }
    }

    private static string Clip(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
