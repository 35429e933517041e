namespace MeetingTracker.Core.Projects;

/// <summary>What a project is: a code repository (with its issues and pull requests) or a bug tracker.</summary>
public enum ProjectKind
{
    Repository,
    Tracker,
}

/// <summary>What a ticket is.</summary>
public enum TicketKind
{
    Issue,
    PullRequest,
    Bug,
}

/// <summary>
/// One mention of a project in a message: the project (its key: host and path, lower case, without scheme, e.g.
/// <c>github.com/openshift/ansible-service-broker</c> or <c>bugzilla.redhat.com</c>), and the ticket when the mention
/// names one. <see cref="Url"/> is the canonical address of the ticket, or of the project when there is none.
/// <see cref="Start"/> and <see cref="Length"/> locate the mention in the text it was found in.
/// </summary>
public sealed record ProjectReference(
    string ProjectKey,
    ProjectKind ProjectKind,
    string ProjectUrl,
    TicketKind? TicketKind,
    string? Ticket,
    string Url,
    int Start,
    int Length)
{
    /// <summary>The contract's names for the kinds (API, pages).</summary>
    public static string Name(ProjectKind kind) => kind == ProjectKind.Repository ? "repository" : "tracker";

    /// <inheritdoc cref="Name(ProjectKind)"/>
    public static string Name(TicketKind kind) => kind switch
    {
        Projects.TicketKind.Issue => "issue",
        Projects.TicketKind.PullRequest => "pull-request",
        _ => "bug",
    };
}
