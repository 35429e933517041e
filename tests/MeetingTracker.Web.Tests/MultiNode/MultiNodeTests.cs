extern alias loggen;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using loggen::MeetingTracker.LogGen.Generation;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Search;
using MeetingTracker.Core.Storage;
using MeetingTracker.Tests.Servers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeetingTracker.Web.Tests.MultiNode;

/// <summary>
/// Issue 16's multi-node test: web hosts as real processes on one PostgreSQL database, each with its own data folder
/// (search index), the source scheduled every minute on each. The node running the start-up harvest is killed (SIGKILL)
/// mid-harvest; the other finishes the work; the killed node comes back; each meeting is stored once and whole, no two
/// runs overlap, none fails; both nodes answer a search with the same meetings; an owner's state change made through one
/// node shows on the other's API and page within 5 s. Runs in both passes (the assembly's <see cref="PostgresServer"/>).
/// </summary>
public sealed class MultiNodeTests(PostgresServer postgres)
{
    private const string SourceName = "gen";
    private const string EveryMinute = "* * * * *";

    // Bounds for a loaded machine, not speeds; only the issue's 5 s is a measure.
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(240);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_on_one_database_harvest_each_meeting_once_survive_a_killed_harvest_and_show_each_others_changes_within_5_s()
    {
        var root = Path.Combine(Path.GetTempPath(), "mt-multinode-" + Guid.NewGuid().ToString("N"));
        var logs = Path.Combine(root, "logs");
        Directory.CreateDirectory(logs);
        try
        {
            var summary = ServerGenerator.WriteTo(logs, new GeneratorOptions { Teams = 8, Weeks = 40, Seed = 16 }, Ct);
            var database = postgres.NewDatabase();
            var total = summary.Meetings;
            TrackerDb Db() => StorageSetup.Open(database, root);
            WebNodeProcess Start(string name, string dataDir) => WebNodeProcess.Start(name, dataDir, new Dictionary<string, string?>
            {
                ["MeetingTracker__Database__Provider"] = database.Provider.ToString(),
                ["MeetingTracker__Database__ConnectionString"] = database.ConnectionString,
                ["MeetingTracker__Sources__0__Name"] = SourceName,
                ["MeetingTracker__Sources__0__Location"] = logs,
                ["MeetingTracker__Sources__0__Schedule"] = EveryMinute,
                ["MeetingTracker__Sources__0__RequestsPerSecond"] = "0",
                ["MeetingTracker__Search__CatchUpSeconds"] = "1",
                ["MeetingTracker__Admins__0"] = "admin@example.org",
                ["Logging__LogLevel__Default"] = "Information",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
                ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
            });

            await using var a = Start("a", Path.Combine(root, "a"));
            await using var b = Start("b", Path.Combine(root, "b"));
            WebNodeProcess[] nodes = [a, b];

            // 1. Both nodes start the first harvest (never harvested): one runs it. Killed once some meetings are stored.
            var (running, partial) = await UntilAsync(nodes, Db, async db =>
            {
                var run = await db.Runs.AsNoTracking().Where(r => r.Status == HarvestStatus.Running).Select(r => (int?)r.Id).FirstOrDefaultAsync(Ct);
                var stored = await db.Meetings.CountAsync(Ct);
                return run is { } id && stored > 0 && stored < total ? (id, stored) : default;
            }, "a harvest under way with some meetings stored", pollMs: 10);
            var harvester = await WhoseRunAsync(nodes, running);
            var other = harvester == a ? b : a;
            await harvester.KillAsync();
            int afterKill;
            await using (var db = Db())
            {
                afterKill = await db.Meetings.CountAsync(Ct);
                await AssertEveryMeetingWhole(db);
            }

            Assert.True(afterKill < total, $"the harvest stored all {total} meetings before it was killed (at {partial} when seen): the logs are too small");

            // 2. The other node finishes the work: its own start-up run, held back by the first, or its next tick.
            var finishing = await UntilAsync([other], Db, async db =>
                await db.Meetings.CountAsync(Ct) == total
                    ? await db.Runs.AsNoTracking().Where(r => r.Id > running && r.Status == HarvestStatus.Succeeded).Select(r => r.Id).FirstOrDefaultAsync(Ct)
                    : 0,
                "the other node's harvest finishing the work");
            Assert.True(other.Said($"Harvest {finishing} of "), $"run {finishing} is not the other node's: {other.Output}");

            // 3. The killed node comes back on its data folder (its index as the kill left it) and catches up.
            await using var back = Start(harvester.Name + "-again", harvester.DataDir);
            nodes = [other, back];
            await UntilAsync(nodes, Db, async db =>
            {
                var last = await ChangeNumbers.LastAsync(db, Ct);
                return nodes.All(n => SearchIndex.ReadMark(Path.Combine(n.DataDir, SearchSetup.IndexFolder)) == last);
            }, "both nodes' indexes at the database's last change number");

            // 4. Both answer a search with the same meetings.
            using var toOther = await other.ClientAsync();
            using var toBack = await back.ClientAsync();
            var (otherFound, otherIds) = await SearchAsync(toOther, "mirror");
            var (backFound, backIds) = await SearchAsync(toBack, "mirror");
            Assert.True(otherFound > 10, $"{otherFound} meetings found");
            Assert.Equal(otherFound, backFound);
            Assert.Equal(otherIds, backIds);

            // 5. An owner's state change through one node, on the other's API and page within 5 s.
            var (chain, token) = await OwnerTokenAsync(toBack, Db);
            var note = "multi-node " + Guid.NewGuid().ToString("N")[..8];
            using var owner = await back.ClientAsync();
            owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var shown = await ChangedThenSeenAsync(owner, toOther, chain, note);
            Assert.True(shown < TimeSpan.FromSeconds(5), $"node {other.Name} showed the change {shown} after node {back.Name} answered");

            // 6. A scheduled tick with both nodes up: one run, nothing new; then the whole record.
            await UntilAsync(nodes, Db, async db => await db.Runs.AnyAsync(r => r.Id > finishing && r.Status == HarvestStatus.Succeeded, Ct), "a scheduled harvest after the finishing one");
            await using (var db = Db())
            {
                var runs = await db.Runs.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
                var report = string.Join("; ", runs.Select(r => $"{r.Id} {r.Status} {r.StartedAt:HH:mm:ss.fff}-{r.EndedAt:HH:mm:ss.fff} new {r.MeetingsNew} updated {r.MeetingsUpdated} {r.Error}"));
                Assert.DoesNotContain(runs, r => r.Status == HarvestStatus.Failed);
                var killed = runs.Single(r => r.Id == running);
                Assert.True(killed.Status == HarvestStatus.Interrupted && killed.Error?.Contains("killed", StringComparison.Ordinal) == true, "the killed run: " + report);
                Assert.Single(runs, r => r.Status == HarvestStatus.Interrupted);
                var finished = runs.Where(r => r.EndedAt is not null).OrderBy(r => r.StartedAt).ToList();
                for (var i = 1; i < finished.Count; i++)
                {
                    Assert.True(finished[i - 1].EndedAt <= finished[i].StartedAt, $"runs {finished[i - 1].Id} and {finished[i].Id} overlap: {report}");
                }

                Assert.True(runs.Count(r => r.Status == HarvestStatus.Running) <= 1, report);
                Assert.True(runs.Where(r => r.Id != running).Sum(r => r.MeetingsNew) == total - afterKill, $"{total - afterKill} meetings left by the kill: {report}");
                Assert.True(runs.Sum(r => r.MeetingsUpdated) == 0, "meetings read twice: " + report);
                Assert.Equal(total, await db.Meetings.CountAsync(Ct));
                Assert.Equal(total, await db.Meetings.Select(m => m.MeetingKey).Distinct().CountAsync(Ct));
                await AssertEveryMeetingWhole(db);
                TestContext.Current.SendDiagnosticMessage($"multi-node runs: {report}");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Which node logged the start of <paramref name="runId"/> (its log line may lag the row a little).</summary>
    private static async Task<WebNodeProcess> WhoseRunAsync(WebNodeProcess[] nodes, int runId)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (nodes.SingleOrDefault(n => n.Said($"Harvest {runId} of ")) is { } node) return node;
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"no node logged run {runId}: {string.Join(Environment.NewLine, nodes.Select(n => n.Output))}");
            await Task.Delay(5, Ct);
        }
    }

    /// <summary>
    /// An action chain with an owner (from the node's <c>/api/actions</c>), an account with a verified claim on its owner's
    /// person made in the database, and a personal access token of that account.
    /// </summary>
    private static async Task<(int Chain, string Token)> OwnerTokenAsync(HttpClient node, Func<TrackerDb> open)
    {
        var list = await node.GetFromJsonAsync<JsonElement>("/api/actions?pageSize=100", Ct);
        var action = list.GetProperty("items").EnumerateArray().First(i => i.GetProperty("owners").GetArrayLength() > 0 && i.GetProperty("state").GetString() is "open" or "overdue");
        var nick = action.GetProperty("owners")[0].GetProperty("nick").GetString()!;
        await using var db = open();
        var person = await db.PersonAliases.Where(p => p.Nick == nick).Select(p => p.PersonId).FirstAsync(Ct);
        var email = "owner-" + Guid.NewGuid().ToString("N")[..8] + "@example.org";
        var account = new Account
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = "owner", CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        db.Users.Add(account);
        db.NickClaims.Add(new NickClaim { AccountId = account.Id, PersonId = person, Nick = nick, Status = ClaimStatus.Verified, VerifiedBy = ClaimVerification.Admin, CreatedAt = account.CreatedAt, DecidedAt = account.CreatedAt });
        await db.SaveChangesAsync(Ct);
        var (_, token) = await AccessTokens.CreateAsync(db, account.Id, "multi-node", null, TimeProvider.System.GetUtcNow(), Ct);
        return (action.GetProperty("id").GetInt32(), token);
    }

    /// <summary>
    /// Sets the chain to need-help with <paramref name="note"/> through <paramref name="owner"/> (retried while the node
    /// has not yet seen the account made in the database), then polls the other node's API and page until both show it;
    /// returns the time from the 201 to the other node showing both.
    /// </summary>
    private static async Task<TimeSpan> ChangedThenSeenAsync(HttpClient owner, HttpClient other, int chain, string note)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var set = await owner.PostAsJsonAsync($"/api/actions/{chain}/events", new { state = "need-help", note }, Ct);
            if (set.StatusCode == HttpStatusCode.Created) break;
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"the owner's change: {(int)set.StatusCode} {await set.Content.ReadAsStringAsync(Ct)}");
            await Task.Delay(200, Ct);
        }

        var since = Stopwatch.StartNew();
        bool api = false, page = false;
        while (!(api && page))
        {
            if (!api)
            {
                var detail = await other.GetFromJsonAsync<JsonElement>($"/api/actions/{chain}", Ct);
                api = detail.GetProperty("state").GetString() == "need-help" && detail.GetProperty("history").EnumerateArray().Any(e => e.GetProperty("note").GetString() == note);
            }

            if (!page) page = (await other.GetStringAsync(new Uri($"/actions/{chain}", UriKind.Relative), Ct)).Contains(note, StringComparison.Ordinal);
            if (since.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"the other node's API {(api ? "shows" : "does not show")} the change, its page {(page ? "does" : "does not")}, 30 s after it was made");
            if (!(api && page)) await Task.Delay(50, Ct);
        }

        return since.Elapsed;
    }

    private static async Task<(int Total, List<int> Ids)> SearchAsync(HttpClient node, string query)
    {
        // Every page: each index ranks by its own statistics, so the first page may differ while the meetings found do not.
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var answer = await node.GetFromJsonAsync<JsonElement>($"/api/search?page={page}&q=" + Uri.EscapeDataString(query), Ct);
            ids.AddRange(answer.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
            if (page >= answer.GetProperty("pages").GetInt32()) return (answer.GetProperty("totalMeetings").GetInt32(), [.. ids.Order()]);
        }
    }

    /// <summary>Polls the shared database until <paramref name="probe"/> gives a non-default value; fails if a node exits.</summary>
    private static async Task<T> UntilAsync<T>(WebNodeProcess[] nodes, Func<TrackerDb> open, Func<TrackerDb, Task<T>> probe, string what, int pollMs = 100)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            foreach (var node in nodes) Assert.False(node.HasExited, $"node {node.Name} exited before {what}: {node.Output}");
            Assert.True(waited.Elapsed < Long, $"no {what} within {Long.TotalSeconds} s: {string.Join(Environment.NewLine, nodes.Select(n => n.Output))}");
            try
            {
                await using var db = open();
                var value = await probe(db);
                if (!EqualityComparer<T>.Default.Equals(value, default)) return value;
            }
            catch (System.Data.Common.DbException)
            {
                // Not migrated yet.
            }

            await Task.Delay(pollMs, Ct);
        }
    }

    /// <summary>Every line a meeting counts is stored, and its files with it (one transaction a meeting).</summary>
    private static async Task AssertEveryMeetingWhole(TrackerDb db)
    {
        var whole = await db.Meetings.Select(m => new { m.MeetingKey, m.LineCount, Lines = db.Lines.Count(l => l.MeetingId == m.Id), Files = db.Files.Count(f => f.MeetingId == m.Id) }).ToListAsync(Ct);
        Assert.All(whole, m => Assert.True(m.LineCount == m.Lines && m.Files > 0, $"{m.MeetingKey}: {m.Lines} of {m.LineCount} lines, {m.Files} files"));
    }
}
