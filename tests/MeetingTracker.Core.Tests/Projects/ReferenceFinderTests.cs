using MeetingTracker.Core.Projects;

namespace MeetingTracker.Core.Tests.Projects;

/// <summary>The reference extraction table: each tracker's URL forms, bare forms, team patterns, and what is not a ticket.</summary>
public sealed class ReferenceFinderTests
{
    private static readonly ReferenceFinder Plain = new();

    [Theory]

    // GitHub (and any Gitea or Forgejo: the same path shapes).
    [InlineData("see https://github.com/openshift/ansible-service-broker/pull/880 please", "github.com/openshift/ansible-service-broker", "repository", "pull-request", "880", "https://github.com/openshift/ansible-service-broker/pull/880")]
    [InlineData("https://github.com/lightningnetwork/lightning-rfc/issues/745#issuecomment-12", "github.com/lightningnetwork/lightning-rfc", "repository", "issue", "745", "https://github.com/lightningnetwork/lightning-rfc/issues/745")]
    [InlineData("https://GitHub.com/OpenShift/Ansible-Service-Broker/pull/12/files", "github.com/openshift/ansible-service-broker", "repository", "pull-request", "12", "https://github.com/openshift/ansible-service-broker/pull/12")]
    [InlineData("https://github.com/automationbroker/bundle-lib", "github.com/automationbroker/bundle-lib", "repository", null, null, "https://github.com/automationbroker/bundle-lib")]
    [InlineData("https://github.com/automationbroker/bundle-lib.git", "github.com/automationbroker/bundle-lib", "repository", null, null, "https://github.com/automationbroker/bundle-lib")]
    [InlineData("(https://github.com/automationbroker/bundle-lib/blob/master/README.md)", "github.com/automationbroker/bundle-lib", "repository", null, null, "https://github.com/automationbroker/bundle-lib")]
    [InlineData("https://codeberg.org/forgejo/forgejo/pulls/4242.", "codeberg.org/forgejo/forgejo", "repository", "pull-request", "4242", "https://codeberg.org/forgejo/forgejo/pulls/4242")]

    // GitLab, on gitlab.com and self-hosted, subgroups included.
    [InlineData("https://gitlab.com/fedora/docs/docs-website/-/issues/17", "gitlab.com/fedora/docs/docs-website", "repository", "issue", "17", "https://gitlab.com/fedora/docs/docs-website/-/issues/17")]
    [InlineData("https://salsa.debian.org/debian/devscripts/-/merge_requests/301", "salsa.debian.org/debian/devscripts", "repository", "pull-request", "301", "https://salsa.debian.org/debian/devscripts/-/merge_requests/301")]
    [InlineData("https://gitlab.gnome.org/GNOME/gtk/-/tree/main", "gitlab.gnome.org/gnome/gtk", "repository", null, null, "https://gitlab.gnome.org/gnome/gtk")]
    [InlineData("https://gitlab.com/fedora/docs/docs-website", "gitlab.com/fedora/docs/docs-website", "repository", null, null, "https://gitlab.com/fedora/docs/docs-website")]

    // Pagure.
    [InlineData("https://pagure.io/fedora-infrastructure/issue/912", "pagure.io/fedora-infrastructure", "repository", "issue", "912", "https://pagure.io/fedora-infrastructure/issue/912")]
    [InlineData("https://src.fedoraproject.org/rpms/python3/pull-request/55", "src.fedoraproject.org/rpms/python3", "repository", "pull-request", "55", "https://src.fedoraproject.org/rpms/python3/pull-request/55")]
    [InlineData("https://pagure.io/fedora-magazine-proposals/issues", "pagure.io/fedora-magazine-proposals", "repository", null, null, "https://pagure.io/fedora-magazine-proposals")]

    // Launchpad: one tracker for every project and host.
    [InlineData("https://bugs.launchpad.net/ubuntu/+source/upstart/+bug/980917", "bugs.launchpad.net", "tracker", "bug", "980917", "https://bugs.launchpad.net/bugs/980917")]
    [InlineData("https://launchpad.net/bugs/980917", "bugs.launchpad.net", "tracker", "bug", "980917", "https://bugs.launchpad.net/bugs/980917")]

    // Bugzilla and debbugs.
    [InlineData("https://bugzilla.redhat.com/show_bug.cgi?id=1234567", "bugzilla.redhat.com", "tracker", "bug", "1234567", "https://bugzilla.redhat.com/show_bug.cgi?id=1234567")]
    [InlineData("https://bugzilla.redhat.com/1234567", "bugzilla.redhat.com", "tracker", "bug", "1234567", "https://bugzilla.redhat.com/1234567")]
    [InlineData("https://bugs.kde.org/show_bug.cgi?id=400000&foo=1", "bugs.kde.org", "tracker", "bug", "400000", "https://bugs.kde.org/show_bug.cgi?id=400000")]
    [InlineData("https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=1020304", "bugs.debian.org", "tracker", "bug", "1020304", "https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=1020304")]
    [InlineData("https://bugs.debian.org/1020304", "bugs.debian.org", "tracker", "bug", "1020304", "https://bugs.debian.org/1020304")]

    // Bare notations.
    [InlineData("rhbz#1234567 is the blocker", "bugzilla.redhat.com", "tracker", "bug", "1234567", "https://bugzilla.redhat.com/show_bug.cgi?id=1234567")]
    [InlineData("the blocker is rhbz#1234567.", "bugzilla.redhat.com", "tracker", "bug", "1234567", "https://bugzilla.redhat.com/show_bug.cgi?id=1234567")]
    [InlineData("fixed, closes LP: #980917.", "bugs.launchpad.net", "tracker", "bug", "980917", "https://bugs.launchpad.net/bugs/980917")]
    [InlineData("fixed in RHBZ 1234567", "bugzilla.redhat.com", "tracker", "bug", "1234567", "https://bugzilla.redhat.com/show_bug.cgi?id=1234567")]
    [InlineData("closes LP: #980917", "bugs.launchpad.net", "tracker", "bug", "980917", "https://bugs.launchpad.net/bugs/980917")]
    public void Finds(string text, string key, string projectKind, string? ticketKind, string? ticket, string url)
    {
        var reference = Assert.Single(Plain.Find(text));
        Assert.Equal(key, reference.ProjectKey);
        Assert.Equal(projectKind, ProjectReference.Name(reference.ProjectKind));
        Assert.Equal(ticketKind, reference.TicketKind is { } k ? ProjectReference.Name(k) : null);
        Assert.Equal(ticket, reference.Ticket);
        Assert.Equal(url, reference.Url);
        var span = text.Substring(reference.Start, reference.Length);
        Assert.DoesNotMatch(@"[.,)]$", span);
        if (ticket is not null) Assert.Contains(ticket, span, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("meeting at 12:30 UTC, then 13:45")]
    [InlineData("upgrade to 1.2.3 and python 3.12")]
    [InlineData("join #fedora-meeting or #ubuntu-devel")]
    [InlineData("\u000304,01red text\u000f and \u000312blue")]
    [InlineData("bug 1.2 is a version, bz 10:30 a time")]
    [InlineData("see https://wiki.ubuntu.com/UKTeam/Support_Guidelines")]
    [InlineData("https://lists.fedoraproject.org/archives/list/devel@lists.fedoraproject.org/thread/ABC/")]
    [InlineData("https://docs.fedoraproject.org/en-US/fedora-magazine/")]
    [InlineData("https://github.com/orgs/fedora-infra/projects")]
    [InlineData("mailto:someone@example.org and ftp://ftp.example.org/pub/1234")]
    [InlineData("the rhbz folks and lp: the launchpad people")]
    public void Finds_nothing_in(string text) => Assert.Empty(Plain.Find(text));

    [Fact]
    public void A_bare_bug_number_is_the_ticket_of_that_number_the_meeting_links_to()
    {
        var meeting = Plain.FindInMeeting([
            "- bug 980917: continuing investigations.",
            "Launchpad bug 980917 in upstart (Ubuntu Precise) \"Failed to create pty\" [Medium,Triaged] https://launchpad.net/bugs/980917",
            "Boot: bug 980917",
            "and bug 123456 nobody linked",
        ]);

        var first = Assert.Single(meeting[0]);
        Assert.Equal(("bugs.launchpad.net", "980917"), (first.ProjectKey, first.Ticket));
        Assert.Equal(2, first.Start);
        Assert.Equal("bug 980917".Length, first.Length);

        // The bot's own line: its "bug 980917" and its URL are one ticket.
        Assert.Single(meeting[1]);
        Assert.Equal("980917", Assert.Single(meeting[2]).Ticket);
        Assert.Empty(meeting[3]);
    }

    [Fact]
    public void Team_patterns_turn_their_notation_into_tickets_of_their_project()
    {
        var finder = new ReferenceFinder([
            new ReferencePattern { Pattern = @"(?<![\w&])#(\d+)\b", Url = "https://pagure.io/fedora-infrastructure/issue/$1" },
            new ReferencePattern { Pattern = @"\bINFRA-(\d+)\b", Url = "https://tracker.example.org/browse/INFRA-$1" },
        ]);

        var found = finder.Find("#912 and INFRA-77, not #fedora-admin nor https://pagure.io/fedora-infrastructure/issue/913#comment-2");
        Assert.Collection(
            found,
            r => Assert.Equal(("pagure.io/fedora-infrastructure", "issue", "912", "https://pagure.io/fedora-infrastructure/issue/912"), (r.ProjectKey, ProjectReference.Name(r.TicketKind!.Value), r.Ticket, r.Url)),
            r => Assert.Equal(("tracker.example.org/browse", "tracker", "77", "https://tracker.example.org/browse/INFRA-77"), (r.ProjectKey, ProjectReference.Name(r.ProjectKind), r.Ticket, r.Url)),
            r => Assert.Equal(("pagure.io/fedora-infrastructure", "913"), (r.ProjectKey, r.Ticket)));
    }

    [Fact]
    public void A_team_pattern_that_is_not_a_regex_or_has_no_http_url_is_refused_with_its_reason()
    {
        var bad = Assert.Throws<ArgumentException>(() => new ReferenceFinder([new ReferencePattern { Pattern = "#(\\d+", Url = "https://x.org/$1" }]));
        Assert.Contains("#(\\d+", bad.Message, StringComparison.Ordinal);
        var noUrl = Assert.Throws<ArgumentException>(() => new ReferenceFinder([new ReferencePattern { Pattern = "#(\\d+)", Url = "ticket $1" }]));
        Assert.Contains("http", noUrl.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_ticket_twice_in_a_message_is_one_reference()
    {
        var found = Plain.Find("https://github.com/a/b/pull/1 and again https://github.com/a/b/pull/1/files");
        Assert.Single(found);
    }
}
