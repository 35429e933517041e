using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MeetingTracker.Core.Harvesting;

/// <summary>
/// The threads a harvest's CPU work runs on (parsing, compressing, writing, indexing), so that it never takes the
/// thread pool the web host answers requests from, and yields the CPU to it (ADR 15). A fixed number of dedicated
/// background threads, <see cref="ThreadPriority.BelowNormal"/>; on Linux, where .NET ignores thread priorities, each
/// thread also lowers its own nice value, which the kernel's scheduler does honour. Async code started here comes back
/// here after its awaits (it is the current <see cref="TaskScheduler"/>); I/O completions themselves stay where the
/// runtime puts them, and they are short.
/// </summary>
internal sealed class HarvestThreads : TaskScheduler, IDisposable
{
    /// <summary>Nice value of the harvest's threads on Linux (0 is normal, 19 the lowest priority).</summary>
    public const int Nice = 10;

    private readonly BlockingCollection<Task> queue = [];
    private readonly Thread[] threads;

    [ThreadStatic]
    private static HarvestThreads? current;

    public HarvestThreads(int count, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        threads = [.. Enumerable.Range(0, count).Select(i => new Thread(Run) { IsBackground = true, Name = $"{name} {i}", Priority = ThreadPriority.BelowNormal })];
        foreach (var thread in threads) thread.Start();
    }

    public override int MaximumConcurrencyLevel => threads.Length;

    /// <summary>
    /// Runs <paramref name="work"/> on these threads; its continuations stay on them. The caller's own continuation
    /// does not: it runs on the thread pool, so the caller never ends up on (or disposes from) one of these threads.
    /// </summary>
    public Task Run(Func<Task> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Factory.StartNew(
            async () =>
            {
                try
                {
                    await work();
                    done.SetResult();
                }
                catch (OperationCanceledException e)
                {
                    done.SetCanceled(e.CancellationToken);
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            this);
        return done.Task;
    }

    /// <summary>Lets the threads end once the queued work is done, and waits for them.</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        queue.Dispose();
    }

    protected override void QueueTask(Task task) => queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
        => current == this && !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Run()
    {
        current = this;
        LowerPriority();
        foreach (var task in queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    private static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            // A Linux thread is a task of its own: PRIO_PROCESS with its thread id sets this thread's nice value only.
            _ = NativeMethods.SetPriority(0, NativeMethods.GetThreadId(), Nice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without libc's calls the threads keep the normal priority; they still stay off the thread pool.
        }
    }

    // DllImport, not LibraryImport: blittable arguments need no generated marshalling, and the project stays free of unsafe code.
    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "setpriority")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SetPriority(int which, int who, int priority);

        [DllImport("libc", EntryPoint = "gettid")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int GetThreadId();
    }
}
