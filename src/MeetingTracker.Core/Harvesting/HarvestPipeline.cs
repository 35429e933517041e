using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// One harvest's meetings flowing through three overlapping stages (ADR 15): up to <c>Concurrency</c> workers fetch,
/// hash, compress and parse meetings; one writer stores them a few at a time, one short transaction per batch
/// (SQLite has one writer, and readers must never wait long for it); followers (the search index) take each meeting
/// as its transaction commits. Bounded channels between the stages keep memory flat: a stage that falls behind slows
/// the one before it. Every stage runs on the harvest's own low-priority threads (<see cref="HarvestThreads"/>), never
/// on the thread pool that serves web requests. A failure in one stage stops the others and is what the run reports.
/// </summary>
internal sealed class HarvestPipeline(
    int concurrency,
    MeetingPreparer reader,
    MeetingStore store,
    RunCounts counts,
    IProgress<HarvestProgress>? progress,
    int total,
    Action<string, string> meetingFailed,
    Action<string, string> followerFailed) : IDisposable
{
    /// <summary>
    /// Meetings written in one transaction at most: tens of milliseconds of writing, then another writer gets its turn.
    /// 16 since new meetings are inserted without the change tracker: a batch of 16 costs the writer less than one of 8
    /// did before (ADR 15), and half the commits.
    /// </summary>
    public const int MaxBatch = 16;

    // Written meetings waiting for a follower: enough to smooth its commits, little enough to bound memory.
    private const int FollowCapacity = 256;

    private readonly HarvestThreads threads = new(concurrency + 2, "harvest");
    private readonly List<Channel<WrittenMeeting>> followers = [];
    private int done;

    /// <summary>
    /// Starts the followers; each gets every meeting written from now on. Dispose the result to end them (after
    /// <see cref="Following.CompleteAsync"/> on success, so they finish their work).
    /// </summary>
    public Following Follow(IEnumerable<IWrittenMeetingsFollower> all, CancellationToken cancellationToken)
    {
        var tasks = new List<Task>();
        foreach (var follower in all)
        {
            var channel = Channel.CreateBounded<WrittenMeeting>(new BoundedChannelOptions(FollowCapacity) { SingleReader = true, SingleWriter = true });
            followers.Add(channel);
            tasks.Add(threads.Run(() => FollowOneAsync(follower, channel.Reader, cancellationToken)));
        }

        return new Following(followers, tasks);
    }

    /// <summary>Prepares and writes <paramref name="groups"/>; returns once every one is written or counted.</summary>
    /// <param name="reread">Whether a group must be read even if none of its files changed.</param>
    public async Task RunAsync(IEnumerable<MeetingFileGroup> groups, Func<MeetingFileGroup, bool> reread, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var prepared = Channel.CreateBounded<PreparedMeeting>(new BoundedChannelOptions((concurrency * 2) + MaxBatch) { SingleReader = true });
        var preparing = threads.Run(async () =>
        {
            try
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token, TaskScheduler = threads };
                await Parallel.ForEachAsync(groups, parallel, async (group, token) =>
                {
                    var meeting = await reader.PrepareAsync(group, reread(group), token);
                    if (meeting.Unchanged)
                    {
                        Count(meeting, MeetingOutcome.Unchanged);
                    }
                    else
                    {
                        await prepared.Writer.WriteAsync(meeting, token);
                    }
                });
                prepared.Writer.Complete();
            }
            catch (Exception e)
            {
                prepared.Writer.TryComplete(e);
                throw;
            }
        });
        var writing = threads.Run(async () =>
        {
            try
            {
                await WriteAllAsync(prepared.Reader, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        });

        try
        {
            await Task.WhenAll(preparing, writing);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (Exception) when (FirstFailure(writing, preparing) is { } cause)
        {
            // The stage that failed first, not the cancellation it caused in the other.
            ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    public void Dispose() => threads.Dispose();

    private async Task WriteAllAsync(ChannelReader<PreparedMeeting> input, CancellationToken cancellationToken)
    {
        var batch = new List<PreparedMeeting>(MaxBatch);
        while (await input.WaitToReadAsync(cancellationToken))
        {
            // What is ready, up to a batch: alone when the workers are behind, batched when the writer is.
            while (batch.Count < MaxBatch && input.TryRead(out var meeting)) batch.Add(meeting);
            var (outcomes, written) = await store.WriteBatchAsync(batch, cancellationToken);
            for (var i = 0; i < batch.Count; i++) Count(batch[i], outcomes[i]);
            foreach (var follower in followers)
            {
                foreach (var meeting in written) await follower.Writer.WriteAsync(meeting, cancellationToken);
            }

            batch.Clear();
        }
    }

    private void Count(PreparedMeeting meeting, MeetingOutcome outcome)
    {
        counts.Add(outcome);
        if (outcome == MeetingOutcome.Failed) meetingFailed(meeting.Group.MeetingKey, string.Join("; ", meeting.Failures.Select(f => $"{f.Path}: {f.Reason}")));
        progress?.Report(new HarvestProgress("meetings", Interlocked.Increment(ref done), total));
    }

    private async Task FollowOneAsync(IWrittenMeetingsFollower follower, ChannelReader<WrittenMeeting> written, CancellationToken cancellationToken)
    {
        try
        {
            await follower.FollowAsync(written, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run stops; what was handed over and not indexed is the catch-up's (it follows the change numbers).
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            followerFailed(follower.GetType().Name, e.Message);
        }

        // Whatever the follower left is read to the end, so the writer never waits on it.
        while (await written.WaitToReadAsync(CancellationToken.None))
        {
            while (written.TryRead(out _))
            {
            }
        }
    }

    private static Exception? FirstFailure(params Task[] stages)
        => stages.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException and not ChannelClosedException);

    /// <summary>The followers of one run: completed when the writing is done, awaited before the run goes on.</summary>
    public sealed class Following(List<Channel<WrittenMeeting>> channels, List<Task> followers) : IAsyncDisposable
    {
        /// <summary>No more meetings: lets the followers finish (commit and mark what they hold) and waits for them.</summary>
        public async Task CompleteAsync()
        {
            foreach (var channel in channels) channel.Writer.TryComplete();
            await Task.WhenAll(followers);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var channel in channels) channel.Writer.TryComplete();

            // They never throw (see FollowOneAsync); they end once their channel is read to the end.
            await Task.WhenAll(followers);
        }
    }
}
