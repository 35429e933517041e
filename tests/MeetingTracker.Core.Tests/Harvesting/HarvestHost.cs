using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Harvesting.Http;
using MeetingTracker.Core.Storage;
using MeetingTracker.Core.Tests.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MeetingTracker.Core.Tests.Harvesting;

/// <summary>
/// The engine's services over a temporary data folder and its database (a real SQLite file, or a PostgreSQL database of its
/// own in the suite's PostgreSQL pass), with a fake clock.
/// </summary>
internal sealed class HarvestHost : IAsyncDisposable
{
    private readonly TempDir data;
    private readonly ServiceProvider services;

    private HarvestHost(TempDir data, FakeTimeProvider clock, ServiceProvider services)
    {
        this.data = data;
        Clock = clock;
        this.services = services;
    }

    public FakeTimeProvider Clock { get; }

    public string DataDir => data.Path;

    public static async Task<HarvestHost> StartAsync(CancellationToken cancellationToken, Action<IServiceCollection>? configure = null)
    {
        var data = new TempDir();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var services = await HarvestingSetup.OpenAsync(
            data.Path,
            TestDatabase.For(data.Path),
            s =>
            {
                s.AddSingleton<TimeProvider>(clock)

                    // HTTP back-off and time-outs wait on the real clock; only the harvester's timestamps are faked.
                    .AddSingleton(sp => new HttpSourceFactory(TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()));
                configure?.Invoke(s);
            },
            cancellationToken);
        return new HarvestHost(data, clock, services);
    }

    /// <summary>The harvester, or one that believes the parser is at <paramref name="parserVersion"/>.</summary>
    public Harvester Harvester(int? parserVersion = null) => parserVersion is null
        ? services.GetRequiredService<Harvester>()
        : new Harvester(
            services.GetRequiredService<IDbContextFactory<TrackerDb>>(),
            services.GetRequiredService<MeetbotSourceFactory>(),
            services.GetRequiredService<SourceLocks>(),
            Clock,
            services.GetRequiredService<ILogger<Harvester>>(),
            services.GetServices<IMeetingsChangedHandler>(),
            services.GetRequiredService<Core.Projects.TeamReferences>()) { ParserVersion = parserVersion.Value };

    public Task<HarvestSummary> HarvestAsync(SourceOptions source, CancellationToken cancellationToken, int? parserVersion = null)
        => Harvester(parserVersion).HarvestAsync(source, null, cancellationToken);

    public Core.Search.SearchService Search() => services.GetRequiredService<Core.Search.SearchService>();

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public TrackerDb Db() => services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}
