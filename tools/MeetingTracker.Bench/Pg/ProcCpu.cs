using System.Diagnostics;
using System.Globalization;

namespace MeetingTracker.Bench.Pg;

/// <summary>
/// CPU time of a process and its children from <c>/proc</c>, in clock ticks (<c>getconf CLK_TCK</c>): the root's own
/// utime + stime, the cutime + cstime of the children it has reaped, and the utime + stime of its live children.
/// The difference of two readings is then the CPU the whole tree used in between, children that ended included
/// (a PostgreSQL backend, an nginx worker).
/// </summary>
public static class ProcCpu
{
    private static readonly Lazy<int> TicksPerSecondValue = new(ReadTicksPerSecond);

    public static int TicksPerSecond => TicksPerSecondValue.Value;

    /// <summary>The tree's CPU in ticks; 0 for a process that is gone.</summary>
    public static long TreeTicks(int root)
    {
        if (Stat(root) is not { } own) return 0;
        var ticks = own.UTime + own.STime + own.CUTime + own.CSTime;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == root) continue;
            if (Stat(pid) is { } child && child.Ppid == root) ticks += child.UTime + child.STime;
        }

        return ticks;
    }

    public static double Seconds(long ticks) => ticks / (double)TicksPerSecond;

    /// <summary>Fields 4 and 14 to 17 of <c>/proc/PID/stat</c> (after the command's closing parenthesis).</summary>
    public static (int Ppid, long UTime, long STime, long CUTime, long CSTime)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long F(int field) => long.Parse(rest[field - 3], CultureInfo.InvariantCulture);
        return ((int)F(4), F(14), F(15), F(16), F(17));
    }

    private static int ReadTicksPerSecond()
    {
        var start = new ProcessStartInfo("getconf") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("CLK_TCK");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("getconf did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
