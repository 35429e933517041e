using MeetingTracker.Core.Accountability.Events;

namespace MeetingTracker.Core.Tests.Reminders;

/// <summary>
/// Four weekly meetings of <c>infra</c> (Wednesdays 16:00 UTC, 11 November to 2 December 2026; bob chairs, alice, carol,
/// dana and erin attend) and one of <c>docs</c> (frank alone), harvested; accounts for alice, carol, dana and frank with
/// the default preferences (weekly, Monday 08:00 UTC). At the digest of Monday 7 December alice owes two overdue
/// actions (the mirror keys, raised 11 November and carried three times; the certificates, raised 18 November), one
/// coming due (the wiki, raised 25 November: due 9 December), and two new since the last slot (the release notes and
/// one whose text is markup, raised 2 December); carol asked for help on hers on 5 December (alice's team needs help);
/// dana offered alice help with the mirror keys on 6 December. frank has nothing to be told.
/// </summary>
internal static class ReminderScenario
{
    public const string MirrorKeys = "alice to rotate the mirror keys";
    public const string Certificates = "alice to renew the TLS certificates";
    public const string Wiki = "alice to update the wiki page";
    public const string ReleaseNotes = "alice to write the release notes";
    public const string Markup = "alice to check <script>alert(1)</script> & \"quotes\" in the topic";
    public const string Proxy = "carol to fix the proxy config";
    public const string Offer = "I can pair on it Thursday <b>evening</b>";

    public static readonly DateTimeOffset Monday = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Week(int n) => new DateTimeOffset(2026, 11, 11, 16, 0, 0, TimeSpan.Zero).AddDays(7 * (n - 1));

    /// <summary>The accounts' ids, by nick.</summary>
    public static async Task<Dictionary<string, string>> BuildAsync(ReminderRig rig, CancellationToken cancellationToken)
    {
        string[] infra = ["alice", "carol", "dana", "erin"];
        rig.Meeting("infra", Week(1), "bob", infra, $"#action {MirrorKeys}");
        rig.Meeting("infra", Week(2), "bob", infra, $"#action {MirrorKeys}", $"#action {Certificates}");
        rig.Meeting("infra", Week(3), "bob", infra, $"#action {MirrorKeys}", $"#action {Certificates}", $"#action {Wiki}", $"#action {Proxy}");
        rig.Meeting("infra", Week(4), "bob", infra, $"#action {MirrorKeys}", $"#action {Certificates}", $"#action {ReleaseNotes}", $"#action {Markup}");
        rig.Meeting("docs", Week(4).AddHours(-6), "frank", [], "#info nothing to do this week");
        await rig.HarvestAsync(cancellationToken);

        var ids = await rig.AccountsAsync(
            cancellationToken, ("alice@example.org", "alice"), ("carol@example.org", "carol"), ("dana@example.org", "dana"), ("frank@example.org", "frank"));
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal) { ["alice"] = ids[0], ["carol"] = ids[1], ["dana"] = ids[2], ["frank"] = ids[3] };
        await rig.SayAsync(accounts["carol"], await rig.ChainAsync(Proxy, cancellationToken), EventKind.State, new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), cancellationToken, to: "need-help", note: "the upstream changed its API");
        await rig.SayAsync(accounts["dana"], await rig.ChainAsync(MirrorKeys, cancellationToken), EventKind.Offer, new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero), cancellationToken, note: Offer);
        return accounts;
    }
}
