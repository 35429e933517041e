using System.Runtime.InteropServices;

namespace MeetingTracker.Web.Configuration;

/// <summary>
/// glibc's malloc gives threads that contend for it arenas of their own (up to 8 per core), and an arena keeps the
/// memory freed in it. SQLite's page caches and statements, and the harvest's native work on its own threads, spread
/// over those arenas: measured under the load benchmark's harvest (ADR 17), 93 MB of arenas with the default, 64 MB
/// with two. Two arenas, set before the host starts its threads, unless <c>MALLOC_ARENA_MAX</c> already says how many.
/// </summary>
internal static class NativeHeap
{
    public const int Arenas = 2;

    /// <summary>Allocations from this size up are mapped on their own and given back to the system when freed.</summary>
    public const int MapFrom = 128 * 1024;

    // mallopt's parameters (malloc.h).
    private const int ArenaMax = -8;
    private const int MmapThreshold = -3;

    public static void LimitArenas()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null) _ = NativeMethods.MallOpt(ArenaMax, Arenas);
            if (Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is null) _ = NativeMethods.MallOpt(MmapThreshold, MapFrom);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library: its own allocator, left as it is.
        }
    }

    /// <summary>Gives the memory free at the top of malloc's arenas back to the system (glibc's <c>malloc_trim</c>).</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = NativeMethods.MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library: nothing to trim.
        }
    }

    // DllImport, not LibraryImport: blittable arguments need no generated marshalling, and the project stays free of unsafe code.
    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "mallopt")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int MallOpt(int parameter, int value);

        [DllImport("libc", EntryPoint = "malloc_trim")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int MallocTrim(nuint pad);
    }
}
