namespace MeetingTracker.Core.Meetings;

/// <summary>A person, met through one or more nicks (<see cref="PersonAlias"/>).</summary>
public sealed class Person
{
    public int Id { get; set; }

    /// <summary>The name shown; starts as the base nick and can be edited.</summary>
    public required string Name { get; set; }

    public List<PersonAlias> Aliases { get; } = [];
}

/// <summary>A nick (exact, case kept) that belongs to a person. Editable: moving an alias merges people.</summary>
public sealed class PersonAlias
{
    public int Id { get; set; }

    public required string Nick { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }
}

/// <summary>Who was present at a meeting and how many lines they said, as MeetBot counts (bots excluded).</summary>
public sealed class Attendance
{
    public int MeetingId { get; set; }

    public required string Nick { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    public int Lines { get; set; }
}
