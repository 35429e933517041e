namespace MeetingTracker.LogGen.Generation;

/// <summary>How a planted reference was written.</summary>
public enum PlantedForm
{
    /// <summary>A ticket's URL: GitHub <c>/issues/N</c>, <c>/pull/N</c>; GitLab <c>/-/issues/N</c>, <c>/-/merge_requests/N</c>;
    /// Pagure <c>/issue/N</c>, <c>/pull-request/N</c>; Bugzilla <c>show_bug.cgi?id=N</c>; Launchpad <c>+bug/N</c>; debbugs <c>/N</c>.</summary>
    TicketUrl,

    /// <summary>A repository's URL without a ticket (its home, or a file in it).</summary>
    RepositoryUrl,

    /// <summary><c>rhbz#N</c>.</summary>
    RedHatBugzilla,

    /// <summary><c>LP: #N</c>.</summary>
    Launchpad,

    /// <summary><c>bug N</c>, said after a line of the same meeting gave that bug's URL.</summary>
    BareBug,
}

/// <summary>
/// One reference the generator wrote into a meeting's log, known from what it wrote (not by reading the text back):
/// the oracle for the product's reference finder.
/// </summary>
/// <param name="ProjectKey">The project as the API's contract keys it: host and path, lower case, without scheme
/// (<c>github.com/acme/docs</c>, <c>bugzilla.redhat.com</c>, <c>bugs.launchpad.net</c>).</param>
/// <param name="ProjectKind"><c>repository</c> or <c>tracker</c>.</param>
/// <param name="Ticket">The ticket's number, or null for a mention of the repository alone.</param>
/// <param name="Line">The 1-based number of the log message it was said in (<c>LogLine.Number</c>).</param>
/// <param name="Form">How it was written.</param>
public sealed record PlantedReference(string ProjectKey, string ProjectKind, string? Ticket, int Line, PlantedForm Form);
