using System.ComponentModel.DataAnnotations;
using Cronos;
using MeetingTracker.Core.Harvesting;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Configuration;

/// <summary>
/// Checks every source on start (the binder does not validate list items): its data annotations, a unique name,
/// a cron schedule Hangfire accepts and a location that is a folder or an http(s) URL. Each message names the source.
/// </summary>
public sealed class MeetingTrackerOptionsValidator : IValidateOptions<MeetingTrackerOptions>
{
    public ValidateOptionsResult Validate(string? name, MeetingTrackerOptions options)
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var label = $"source '{source.Name}' ({MeetingTrackerOptions.Section}:Sources:{i})";
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(source, new ValidationContext(source), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{label}: {r.ErrorMessage}"));
            }

            // Names are lock file names and job ids: two that differ only in case would share a lock.
            if (source.Name.Length > 0 && !names.Add(source.Name))
            {
                failures.Add($"{label}: the name is used by another source.");
            }

            if (CronError(source.Schedule) is { } cron)
            {
                failures.Add($"{label}: Schedule '{source.Schedule}' is not a valid cron expression ({cron}).");
            }

            if (source.Location.Contains("://", StringComparison.Ordinal) && !source.IsHttp)
            {
                failures.Add($"{label}: Location must be a folder path or an http(s) URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Parses as Hangfire does: five fields, or six with seconds first.</summary>
    private static string? CronError(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "empty";
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return e.Message;
        }
    }
}
