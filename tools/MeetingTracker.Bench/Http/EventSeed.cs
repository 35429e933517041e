using System.Globalization;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Bench.Http;

/// <summary>
/// Issue 12's load: 100,000 events (states, comments, offers, due dates, takes) spread over the corpus's action
/// chains and ideas, as years of people answering for their actions would leave them, said by the bench account.
/// Deterministic (seeded), written once per corpus (a re-used corpus keeps its events). The busiest chain is the one
/// the action page row measures.
/// </summary>
public static class EventSeed
{
    public const int Events = 100_000;

    private static readonly string[] States = ["in-progress", "need-help", "no-time", "done", "open", "in-progress", "done"];

    /// <summary>Writes the events if the corpus has fewer, and returns the busiest action chain's id.</summary>
    public static async Task<int> SeedAsync(IDbContextFactory<TrackerDb> dbFactory, string accountId, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meetings = await AccountabilityQueries.MeetingsAsync(db, cancellationToken);
        var chains = ActionChainBuilder.Build(await AccountabilityQueries.ActionsAsync(db, cancellationToken), meetings).Select(c => c.Id).Order().ToList();
        var ideas = await db.Items.Where(i => i.Kind == Core.Meetbot.ItemKind.Idea && i.RemovedAt == null).Select(i => i.Id).OrderBy(i => i).ToListAsync(cancellationToken);
        if (chains.Count == 0) throw new InvalidOperationException("the corpus has no actions");
        var busiest = chains[chains.Count / 2];

        var have = await db.AccountabilityEvents.CountAsync(cancellationToken);
        if (have < Events)
        {
            var random = new Random(12);
            var start = clock.GetUtcNow().AddDays(-365);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = have; n < Events; n++)
            {
                // One event in ten is on ideas; one in 2,000 (50 in all) on the measured chain: a long history to show.
                var idea = ideas.Count > 0 && n % 10 == 9;
                var subject = idea ? ideas[random.Next(ideas.Count)] : n % 2000 == 0 ? busiest : chains[random.Next(chains.Count)];
                var at = start.AddSeconds(n * (365.0 * 86400 / Events));
                db.AccountabilityEvents.Add(idea ? IdeaEvent(subject, accountId, at, random) : ActionEvent(subject, accountId, at, random, n));
                if (n % 5000 == 4999)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return busiest;
    }

    private static AccountabilityEvent ActionEvent(int chain, string accountId, DateTimeOffset at, Random random, int n)
    {
        var e = new AccountabilityEvent { Subject = EventSubject.Action, SubjectId = chain, AccountId = accountId, At = at };
        switch (random.Next(10))
        {
            case < 5:
                (e.Kind, e.To, e.Note) = (EventKind.State, States[random.Next(States.Length)], random.Next(3) == 0 ? "with the review of the mirror config" : null);
                if (e.To == "done" && random.Next(2) == 0) e.Link = "https://example.org/pull/" + n.ToString(CultureInfo.InvariantCulture);
                break;
            case < 8:
                (e.Kind, e.Note) = (EventKind.Comment, "any news on this one? the release is close");
                break;
            case 8:
                (e.Kind, e.Note) = (EventKind.Offer, "I can pair on it on Thursday");
                break;
            default:
                (e.Kind, e.DueDate) = (EventKind.Due, DateOnly.FromDateTime(at.UtcDateTime).AddDays(14));
                break;
        }

        return e;
    }

    private static AccountabilityEvent IdeaEvent(int idea, string accountId, DateTimeOffset at, Random random) => random.Next(3) switch
    {
        0 => new() { Subject = EventSubject.Idea, SubjectId = idea, AccountId = accountId, At = at, Kind = EventKind.State, To = "accepted" },
        1 => new() { Subject = EventSubject.Idea, SubjectId = idea, AccountId = accountId, At = at, Kind = EventKind.Champion },
        _ => new() { Subject = EventSubject.Idea, SubjectId = idea, AccountId = accountId, At = at, Kind = EventKind.Link, Link = "https://example.org/issues/1" },
    };
}
