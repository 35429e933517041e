namespace MeetingTracker.LogGen.Serving;

/// <summary>How <see cref="MeetbotHttpServer"/> renders a directory listing.</summary>
public enum ListingStyle
{
    /// <summary>Apache 2.4 mod_autoindex with <c>FancyIndexing HTMLTable</c> (Debian's default).</summary>
    Apache,

    /// <summary>nginx <c>autoindex on</c>: a <c>&lt;pre&gt;</c> block with exact sizes.</summary>
    Nginx,

    /// <summary>Nothing but a list of <c>&lt;a href&gt;</c> links (mod_autoindex without FancyIndexing).</summary>
    Plain,
}
