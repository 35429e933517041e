using System.Text;

namespace MeetingTracker.Core.Tests.Meetbot.Robustness;

/// <summary>Small well-formed files of every kind (written for these tests) that the mutation properties start from.</summary>
internal static class SeedFiles
{
    public const string Stamp = "infra.2020-06-10-14.10";

    public static readonly (string Extension, byte[] Bytes)[] All =
    [
        (".log.txt", Encoding.UTF8.GetBytes("""
            14:10:12 <alice> #startmeeting Infra weekly
            14:10:12 <zodbot> Meeting started Wed Jun 10 14:10:12 2020 UTC.
            14:10:30 <alice> #topic Mirrors ünïcode
            14:11:02 * bob waves
            14:11:40 <alice> #action bob to fix the mirror
            14:12:00 <bob> https://example.org/mirror status page
            14:19:29 <alice> #endmeeting
            """)),
        (".log.html", Encoding.UTF8.GetBytes("""
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
            <html><head><title>#fedora-meeting log</title></head><body>
            <pre><a name="l-1"></a><span class="tm">14:10:12</span><span class="nk"> &lt;alice&gt;</span> <span class="cmd">#startmeeting </span><span class="cmdline">Infra weekly</span>
            <a name="l-2"></a><span class="tm">14:10:30</span><span class="nk"> &lt;alice&gt;</span> <span class="topic">#topic </span><span class="topicline">Mirrors</span>
            <a name="l-3"></a><span class="tm">14:11:02 </span><span class="nka">* bob</span> <span class="ac">waves</span>
            <a name="l-4"></a><span class="tm">14:19:29</span><span class="nk"> &lt;alice&gt;</span> <span class="cmd">#endmeeting</span><span class="cmdline"></span></pre>
            </body></html>
            """)),
        (".html", Encoding.UTF8.GetBytes("""
            <html><head><title>#fedora-meeting: Infra weekly</title></head><body>
            <h1>#fedora-meeting: Infra weekly</h1>
            <span class="details">Meeting started by alice at 14:10:12 UTC (<a href="infra.2020-06-10-14.10.log.html">full logs</a>).</span>
            <h3>Meeting summary</h3>
            <ol>
            <li><b class="TOPIC">Mirrors</b> <span class="details">(<a href='infra.2020-06-10-14.10.log.html#l-2'>alice</a>, 14:10:30)</span>
            <ol type="a">
              <li><i class="itemtype">ACTION</i>: <span class="ACTION">bob to fix the
                mirror</span> <span class="details">(<a
                href='infra.2020-06-10-14.10.log.html#l-5'>alice</a>,
                14:11:40)</span></li>
            </ol><br></li>
            </ol>
            <span class="details">Meeting ended at 14:19:29 UTC (<a href="infra.2020-06-10-14.10.log.html">full logs</a>).</span>
            <h3>Action items</h3><ol><li>bob to fix the mirror</li></ol>
            <h3>People present (lines said)</h3><ol><li>alice (4)</li><li>bob (2)</li></ol>
            </body></html>
            """)),
        (".txt", Encoding.UTF8.GetBytes("""
            ================================
            #fedora-meeting: Infra weekly
            ================================


            Meeting started by alice at 14:10:12 UTC. The full logs are available
            at infra.2020-06-10-14.10.log.html .



            Meeting summary
            ---------------
            * Mirrors  (alice, 14:10:30)
              * ACTION: bob to fix the mirror  (alice, 14:11:40)

            Meeting ended at 14:19:29 UTC.




            People Present (lines said)
            ---------------------------
            * alice (4)
            * bob (2)
            """)),
        (".moin.txt", Encoding.UTF8.GetBytes("""
            == Meeting information ==
             * #ubuntu-meeting: Infra weekly, 10 Jun at 14:10 &mdash; 14:19 UTC

            == Meeting summary ==

            === Mirrors ===
            The discussion about "Mirrors" started at 14:10.

              * ''ACTION:'' bob to fix the mirror

            == People present (lines said) ==

             * alice (4)
             * bob (2)

            == Full log ==

             14:10 <alice> #startmeeting Infra weekly

             14:10 <alice> #topic Mirrors

             14:11 <alice> #action bob to fix the mirror

             14:19 <alice> #endmeeting
            """)),
    ];
}
