using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Bench.Ingest;
using MeetingTracker.Bench.Search;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Bench.Remind;

/// <summary>
/// The reminded corpus: the search suite's generated server (<c>tree/</c>) imported by the harvester into <c>data/</c>,
/// same layout and marker, so <c>--reuse</c> takes a work folder kept by remind, search or http (without rebuilding the
/// search index, which the reminders never read). The engine is then opened with the accountability services and the
/// reminders over an ephemeral Data Protection provider (the same AES-256-CBC + HMACSHA256 protectors as the site's
/// database key ring, without writing a key into the corpus).
/// </summary>
public sealed record RemindCorpus(string Tree, string DataDir, int Meetings, int ActionItems, int Chains, int People, int Events, long DatabaseBytes, DateTimeOffset LastMeeting)
{
    /// <summary>When the first and last events were said (none: null).</summary>
    public (DateTimeOffset First, DateTimeOffset Last)? EventSpan { get; init; }

    public static async Task<(RemindCorpus Corpus, HarvestRig Rig)> PrepareAsync(string work, int meetings, bool reuse, CancellationToken cancellationToken)
    {
        var tree = Path.Combine(work, "tree");
        var dataDir = Path.Combine(work, "data");
        var marker = Path.Combine(dataDir, SearchCorpus.Marker);
        var expected = meetings.ToString(CultureInfo.InvariantCulture);
        if (reuse && Directory.Exists(tree) && File.Exists(marker) && File.ReadAllText(marker).Trim() == expected)
        {
            Console.WriteLine($"reusing {tree} and the database in {dataDir}");
        }
        else
        {
            var watch = Stopwatch.StartNew();
            var server = BenchServer.Generate(tree, meetings, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate: {watch.Elapsed.TotalSeconds:F1} s; {server.Meetings:N0} meetings ({server.Teams} teams × {server.Weeks} weeks, Fedora layout, seed 42), {server.Files:N0} files, {server.MiB:F1} MiB"));
            await using var harvest = await HarvestRig.CreateAsync(dataDir, cancellationToken);
            var (summary, elapsed) = await harvest.HarvestAsync(new SourceOptions { Name = SearchCorpus.SourceName, Location = server.Root }, cancellationToken);
            if (summary.New != server.Meetings) throw new InvalidOperationException($"import: {summary.MeetingsLine}, expected {server.Meetings} new");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import and index: {elapsed.TotalSeconds:F1} s; {summary.MeetingsLine}"));
            await File.WriteAllTextAsync(marker, expected, cancellationToken);
        }

        var rig = await HarvestRig.OpenAsync(dataDir, AddReminders, cancellationToken);
        try
        {
            await using var db = await rig.Get<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(cancellationToken);
            var corpus = new RemindCorpus(
                tree,
                dataDir,
                await db.Meetings.CountAsync(cancellationToken),
                await db.Items.CountAsync(i => i.Kind == ItemKind.Action && i.RemovedAt == null, cancellationToken),
                0,
                await db.People.CountAsync(cancellationToken),
                await db.AccountabilityEvents.CountAsync(cancellationToken),
                await UsedBytesAsync(db, cancellationToken),
                await db.Meetings.MaxAsync(m => m.StartedAt, cancellationToken));
            return (corpus, rig);
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The database's pages in use (page_count minus freelist_count): the outbox runs write and remove hundreds of MiB of
    /// messages, which leave the file that much larger.
    /// </summary>
    public static async Task<long> UsedBytesAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pages = await db.Database.SqlQueryRaw<long>("SELECT page_count - freelist_count AS Value FROM pragma_page_count(), pragma_freelist_count()").SingleAsync(cancellationToken);
        var size = await db.Database.SqlQueryRaw<long>("SELECT page_size AS Value FROM pragma_page_size()").SingleAsync(cancellationToken);
        return pages * size;
    }

    /// <summary>The services the reminders need beside the engine's (the CLI's and the host's set, minus mail delivery).</summary>
    public static void AddReminders(IServiceCollection services)
    {
        services.AddAccountability();
        services.AddReminders();
        services.AddSingleton<IDataProtectionProvider>(_ => new EphemeralDataProtectionProvider());
    }

    /// <summary>The events stored now, and when they were said.</summary>
    public async Task<RemindCorpus> WithEventsAsync(IDbContextFactory<TrackerDb> dbs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbs);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var events = await db.AccountabilityEvents.CountAsync(cancellationToken);
        if (events == 0) return this with { Events = 0, EventSpan = null };
        var first = await db.AccountabilityEvents.MinAsync(e => e.At, cancellationToken);
        var last = await db.AccountabilityEvents.MaxAsync(e => e.At, cancellationToken);
        return this with { Events = events, EventSpan = (first, last) };
    }

    public string Describe()
    {
        var events = EventSpan is var (first, last) ? string.Create(CultureInfo.InvariantCulture, $"{Events:N0} events ({first:yyyy-MM-dd} to {last:yyyy-MM-dd})") : "no events";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"corpus: {Meetings:N0} meetings (the last at {LastMeeting:yyyy-MM-dd HH:mm} UTC), {ActionItems:N0} action items in {Chains:N0} chains, {People:N0} people, {events}; database {DatabaseBytes / 1_048_576.0:F0} MiB in use");
    }
}
