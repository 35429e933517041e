using System.CommandLine;

namespace MeetingTracker.Bench;

/// <summary>The options the measured suites share.</summary>
internal static class BenchOptions
{
    public static Option<int> Positive(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError($"{name} must be at least 1");
        });
        return option;
    }

    public static Option<DirectoryInfo?> Work() => new("--work") { Description = "Work folder (default: a temporary folder)." };

    public static Option<bool> Keep() => new("--keep") { Description = "Keep the work folder's generated tree and data." };
}
