using Microsoft.Extensions.Options;

namespace MeetingTracker.Core.Projects;

/// <summary>
/// Reference finding, bound from the <c>MeetingTracker</c> section: <c>MeetingTracker:References:Enabled</c> (default
/// true) and each team's own notations, <c>MeetingTracker:Teams:{team}:References</c> (a list of
/// <see cref="ReferencePattern"/>; the team by its key or any of its names).
/// </summary>
public sealed class ReferenceOptions
{
    public const string Section = "MeetingTracker";

    public ReferenceSwitch References { get; set; } = new();

    public Dictionary<string, TeamReferenceSettings> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What is wrong with the settings (a pattern that does not compile, a URL without its place for the ticket), or null.</summary>
    public string? Problem()
    {
        foreach (var (team, settings) in Teams)
        {
            try
            {
                _ = new ReferenceFinder(settings.References);
            }
            catch (ArgumentException e)
            {
                return $"MeetingTracker:Teams:{team}:References: {e.Message}";
            }
        }

        return null;
    }
}

/// <summary><c>MeetingTracker:References</c>.</summary>
public sealed class ReferenceSwitch
{
    /// <summary>False: harvests find no references (those stored stay until their meetings are read again).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary><c>MeetingTracker:Teams:{team}</c>.</summary>
public sealed class TeamReferenceSettings
{
    public List<ReferencePattern> References { get; set; } = [];
}

/// <summary>Refuses to start with a team pattern that does not compile, saying which and why.</summary>
public sealed class ReferenceOptionsValidator : IValidateOptions<ReferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, ReferenceOptions options)
        => options?.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
