namespace MeetingTracker.Core.Meetings;

/// <summary>A team: meetings with the same normalised meeting name (or channel), merged through <see cref="TeamAlias"/>.</summary>
public sealed class Team
{
    public int Id { get; set; }

    /// <summary>URL-safe key, the normalised name it was first seen under.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public List<TeamAlias> Aliases { get; } = [];
}

/// <summary>A normalised meeting name that belongs to a team. Editable: moving an alias merges teams.</summary>
public sealed class TeamAlias
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }
}
