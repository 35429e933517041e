namespace MeetingTracker.Core.Accountability;

/// <summary>How actions are judged and ideas followed (section <c>MeetingTracker:Accountability</c>).</summary>
public sealed class AccountabilityOptions
{
    public const string Section = "MeetingTracker:Accountability";

    /// <summary>Days an action is open before it counts as overdue (still carried) or dropped (no longer carried).</summary>
    public int DueDays { get; set; } = 14;

    /// <summary>Days after an idea in which a team's items count as what followed it.</summary>
    public int FollowUpDays { get; set; } = 90;

    /// <summary>Why the options cannot be used, or null.</summary>
    public string? Problem() => (DueDays, FollowUpDays) switch
    {
        ( < 1 or > 3650, _) => $"{Section}:DueDays must be between 1 and 3650 (is {DueDays})",
        (_, < 1 or > 3650) => $"{Section}:FollowUpDays must be between 1 and 3650 (is {FollowUpDays})",
        _ => null,
    };
}
