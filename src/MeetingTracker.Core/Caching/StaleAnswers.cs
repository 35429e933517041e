namespace MeetingTracker.Core.Caching;

/// <summary>
/// Whether the request being answered was given a stale answer (a cache serving its previous answer while a rebuild
/// runs: stale-while-revalidate). A page built from one must not be kept in the page cache, or it would outlive the
/// rebuild. The page cache opens a <see cref="Watch"/> per request; caches call <see cref="Mark"/> when they serve
/// stale. An <see cref="AsyncLocal{T}"/> holding a mutable object: what the request's own awaits mark, its watch sees.
/// </summary>
public static class StaleAnswers
{
    private static readonly AsyncLocal<Watch?> Current = new();

    /// <summary>Starts watching the current request (the flow below this call).</summary>
    public static Watch Begin()
    {
        var watch = new Watch();
        Current.Value = watch;
        return watch;
    }

    /// <summary>Says that the answer being served is older than the data it stands for.</summary>
    public static void Mark()
    {
        if (Current.Value is { } watch) watch.Stale = true;
    }

    /// <summary>One request's watch.</summary>
    public sealed class Watch
    {
        private volatile bool stale;

        /// <summary>Whether anything in this request served a stale answer.</summary>
        public bool Stale
        {
            get => stale;
            internal set => stale = value;
        }
    }
}
