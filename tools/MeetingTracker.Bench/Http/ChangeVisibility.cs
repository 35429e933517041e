using System.Diagnostics;
using System.Globalization;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Http;

/// <summary>
/// Issue 12's "a state change is visible on the next request": a state is written to the database by this process
/// (as another node would), and the web host's very next request for the action page must show it.
/// </summary>
public static class ChangeVisibility
{
    public static async Task<string> CheckAsync(string dataDir, Uri web, int chain, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<TrackerDb>().UseSqlite(StorageSetup.ConnectionString(dataDir)).Options;
        var note = "bench-visibility-" + Guid.NewGuid().ToString("N");
        await using (var db = new TrackerDb(options))
        {
            var account = await db.Users.Where(a => a.Email == SignedInUser.Email).Select(a => a.Id).FirstAsync(cancellationToken);
            db.AccountabilityEvents.Add(new AccountabilityEvent
            {
                Subject = EventSubject.Action, SubjectId = chain, Kind = EventKind.State, AccountId = account, At = TimeProvider.System.GetUtcNow(),
                To = "need-help", Note = note,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        using var client = new HttpClient();
        var started = Stopwatch.GetTimestamp();
        var page = await client.GetStringAsync(new Uri(web, "actions/" + chain.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return page.Contains(note, StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"a state change written by another process is visible on the next request ({ms:F1} ms)")
            : "FAILED: the next request for the action page did not show the state change written just before";
    }
}
