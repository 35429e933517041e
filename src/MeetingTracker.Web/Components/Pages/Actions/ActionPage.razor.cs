using System.Globalization;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Actions;

/// <summary>
/// /actions/{id}: one action chain, where it stands and why, every meeting that carried it, its history, and the
/// forms its caller may use (owners, verified users, chairs and admins each see theirs; see <see cref="EventRules"/>).
/// </summary>
public sealed partial class ActionPage
{
    [Parameter]
    public int Id { get; set; }

    /// <summary>How many history entries the page shows unless asked for all (<c>?history=all</c>; the API and the feed have all).</summary>
    public const int HistoryShown = 100;

    [SupplyParameterFromQuery(Name = AccountabilityForms.Message)]
    public string? Message { get; set; }

    [SupplyParameterFromQuery(Name = "history")]
    public string? History { get; set; }

    [Inject]
    private ActionDetails Details { get; set; } = null!;

    [Inject]
    private IDbContextFactory<TrackerDb> DbFactory { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private ActionDetail? detail;

    private Caller? caller;

    private bool SignedIn => HttpContext?.User.Identity?.IsAuthenticated == true;

    private bool MaySetState => caller is { } c && (c.Owner || c.Manages);

    private bool MayTake => caller is { } c && (c.Verified || c.Admin) && !(c.Owner && detail!.Standing.OwnersReplaced)
        && (detail!.Standing.UpForGrabs(detail.HasOwners) || c.Manages);

    private bool MayOffer => caller is { } c && (c.Verified || c.Admin) && !c.Owner && !detail!.Standing.State.IsClosed();

    private bool MayComment => caller is { } c && (c.Verified || c.Owner || c.Manages);

    private bool Manages => caller?.Manages == true;

    /// <summary>Owners and chairs are told when a done action came back; everyone sees the badge.</summary>
    private bool ToldReopened => detail?.Standing.Reopened == true && (caller?.Owner == true || Manages);

    private string Action => Links.Action(Id) + "/events";

    protected override async Task OnParametersSetAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        detail = await Details.FindAsync(Id, ct);
        if (detail is null)
        {
            Navigation.NotFound();
            return;
        }

        Caching.PageTags.Add(HttpContext, Caching.PageTags.Action(Id), Caching.PageTags.Team(detail.Row.Team.Key));
        caller = null;
        if (SignedIn && HttpContext is { } http)
        {
            await using var db = await DbFactory.CreateDbContextAsync(ct);
            (caller, _) = await AccountabilityWrites.CallerAsync(db, http.User, detail.Standing, ct);
        }
    }

    private IReadOnlyList<HistoryEntry> ShownHistory(IReadOnlyList<HistoryEntry> all)
        => string.Equals(History, "all", StringComparison.OrdinalIgnoreCase) || all.Count <= HistoryShown ? all : [.. all.Skip(all.Count - HistoryShown)];

    private static IEnumerable<ActionState> Choices(bool manages)
        => ActionStates.Settable.Where(s => manages || s != ActionState.WontDo);

    private static string Plural(int n, string one) => n == 1 ? "1 " + one : string.Create(CultureInfo.InvariantCulture, $"{n} {one}s");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Said(HistoryEntry e)
        => EventWords.Kind(e.Kind) is { } kind ? EventWords.Of(EventSubject.Action, kind, e.To, e.DueDate, e.Nick, e.Undoes) : e.Kind;

    private static string Label(string? state) => ActionStates.Parse(state)?.Label() ?? state ?? string.Empty;

    private string LoginLink() => "account/login?returnUrl=" + Uri.EscapeDataString("/" + Links.Action(Id));
}
