using MeetingTracker.Cli;

namespace MeetingTracker.Core.Tests.Cli;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => RunWith(new Dictionary<string, string?>(), args);

    /// <summary>As <see cref="Run"/>, with <paramref name="environment"/> variables laid over the process's (<c>MeetingTracker__…</c>).</summary>
    public static (int Exit, string Stdout, string Stderr) RunWith(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, TextReader.Null, stdout, stderr, WithDatabase(environment, args));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The output's lines, without their line ends.</summary>
    /// <summary>
    /// The CLI as a real child process (for tests that kill or signal it): the assembly as built beside the tests, run
    /// with the test host's runtime and dependency files; output redirected; <paramref name="environment"/> added.
    /// </summary>
    public static System.Diagnostics.Process Start(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", "--runtimeconfig", Beside("MeetingTracker.Core.Tests.runtimeconfig.json"), "--depsfile", Beside("MeetingTracker.Core.Tests.deps.json"), typeof(CliApp).Assembly.Location },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in WithDatabase(environment, args)) start.Environment[name] = value;
        return System.Diagnostics.Process.Start(start)!;
    }

    /// <summary>
    /// <paramref name="environment"/> with the database of the run's <c>--data</c> folder, as an admin's environment names
    /// it (<c>MeetingTracker__Database__…</c>): nothing on SQLite, the folder's own database in the PostgreSQL pass.
    /// </summary>
    private static Dictionary<string, string?> WithDatabase(IReadOnlyDictionary<string, string?>? environment, string[] args)
    {
        var all = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        var at = Array.IndexOf(args, "--data");
        if (TestDatabase.IsPostgreSql && at >= 0 && at + 1 < args.Length)
        {
            foreach (var (key, value) in TestDatabase.Settings(args[at + 1], "__")) all.TryAdd(key, value);
        }

        return all;
    }

    private static string Beside(string file) => Path.Combine(AppContext.BaseDirectory, file);

    public static string[] Lines(string output) => output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <summary>As <see cref="Run"/>, with <paramref name="stdin"/> as standard input.</summary>
    public static (int Exit, string Stdout, string Stderr) RunWithInput(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, input, stdout, stderr, WithDatabase(null, args));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mt-" + Guid.NewGuid().ToString("N"));

    public string Write(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        TestDatabase.Drop(Path);
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
