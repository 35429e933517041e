using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using MeetingTracker.Web.Configuration;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Jobs;

public static class JobsHostExtensions
{
    public const string DashboardPath = "/jobs";

    /// <summary>
    /// Hangfire, the harvest jobs and a small server. On SQLite its job storage is in memory (the state that matters is
    /// in our database, and one process runs the jobs); on PostgreSQL it is Hangfire.PostgreSql's in the same database
    /// (schema <c>hangfire</c>), so the recurring jobs of every node are one set and each run happens once (ADR 19).
    /// Register after the harvesting host, so the database is migrated before jobs run.
    /// </summary>
    public static IHostApplicationBuilder AddHarvestJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // Storage and activator of this host, not Hangfire's process-wide statics: hosts in one process stay apart.
        services.AddSingleton<JobStorage>(sp => sp.GetRequiredService<Core.Storage.DatabaseOptions>() is { IsPostgreSql: true } database
            ? PostgreSqlJobStorage(database.ConnectionString!)
            : new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddTransient<HarvestJob>();
        services.AddHostedService<HarvestScheduler>();
        // A stop (SIGTERM) ends within 10 s: a harvest, a re-index or a reminder run is told to stop and records it.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        services.AddHangfireServer((sp, server) =>
        {
            server.ServerName = "meetingtracker-web";
            server.WorkerCount = Math.Clamp(sp.GetRequiredService<IOptions<MeetingTrackerOptions>>().Value.Sources.Count, 1, 4);
            server.SchedulePollingInterval = TimeSpan.FromSeconds(5);

            // On SIGTERM running jobs get their cancellation token at once; this long for them to end, within the
            // host's own limit below.
            server.ShutdownTimeout = TimeSpan.FromSeconds(8);
        });
        return builder;
    }

    private static PostgreSqlStorage PostgreSqlJobStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,

            // A node that dies mid-job leaves it to another after this long (our runs are recorded in our database, and
            // an interrupted harvest is finished by the next one).
            InvisibilityTimeout = TimeSpan.FromMinutes(30),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
            QueuePollInterval = TimeSpan.FromSeconds(5),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>The Hangfire dashboard at <c>/jobs</c>, for requests from this host only (until accounts exist).</summary>
    public static WebApplication UseJobsDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            DashboardTitle = "MeetingTracker jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
