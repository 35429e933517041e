using System.Diagnostics;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Bench.Ingest;

/// <summary>The engine's services over one data folder, built and migrated as the CLI builds them.</summary>
public sealed class HarvestRig : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private HarvestRig(ServiceProvider services, string dataDir)
    {
        this.services = services;
        DataDir = dataDir;
    }

    public string DataDir { get; }

    /// <summary>A fresh, empty data folder (deleted first when it exists).</summary>
    public static Task<HarvestRig> CreateAsync(string dataDir, CancellationToken cancellationToken)
        => CreateAsync(dataDir, configure: null, cancellationToken);

    /// <summary>A fresh, empty data folder (deleted first when it exists), with more services (see <see cref="OpenAsync(string, Action{IServiceCollection}?, CancellationToken)"/>).</summary>
    public static Task<HarvestRig> CreateAsync(string dataDir, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        return OpenAsync(dataDir, configure, cancellationToken);
    }

    /// <summary>The data folder as it is (created when missing), its database migrated.</summary>
    public static Task<HarvestRig> OpenAsync(string dataDir, CancellationToken cancellationToken)
        => OpenAsync(dataDir, configure: null, cancellationToken);

    /// <summary>
    /// The data folder as it is, with more services (<paramref name="configure"/> runs before the engine's defaults, as
    /// in <see cref="HarvestingSetup.OpenAsync"/>): the reminders, say.
    /// </summary>
    public static async Task<HarvestRig> OpenAsync(string dataDir, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDir);
        return new HarvestRig(await HarvestingSetup.OpenAsync(dataDir, configure, cancellationToken), dataDir);
    }

    /// <summary>
    /// A fresh, empty data folder (deleted first when it exists) over <paramref name="database"/> (a PostgreSQL database,
    /// say: created and migrated when missing; emptying it is the caller's).
    /// </summary>
    public static async Task<HarvestRig> CreateAsync(string dataDir, DatabaseOptions database, CancellationToken cancellationToken)
    {
        if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        Directory.CreateDirectory(dataDir);
        return new HarvestRig(await HarvestingSetup.OpenAsync(dataDir, database, null, cancellationToken), dataDir);
    }

    /// <summary>One of the engine's services (e.g. the search service), as the CLI would resolve it.</summary>
    public T Get<T>()
        where T : notnull
        => services.GetRequiredService<T>();

    /// <summary>One timed harvest; a failed run or failed meetings stop the benchmark.</summary>
    public async Task<(HarvestSummary Summary, TimeSpan Elapsed)> HarvestAsync(SourceOptions options, CancellationToken cancellationToken)
    {
        var harvester = services.GetRequiredService<Harvester>();
        var watch = Stopwatch.StartNew();
        var summary = await harvester.HarvestAsync(options, null, cancellationToken);
        watch.Stop();
        if (summary.Status != HarvestStatus.Succeeded || summary.Failed > 0)
        {
            throw new InvalidOperationException($"harvest of {options.Name} did not succeed: {summary.Status} {summary.Error}; {summary.MeetingsLine}");
        }

        return (summary, watch.Elapsed);
    }

    /// <summary>Bytes of the database files (main file and WAL).</summary>
    public long DatabaseBytes()
        => Directory.EnumerateFiles(DataDir, "*.db*").Sum(f => new FileInfo(f).Length);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
