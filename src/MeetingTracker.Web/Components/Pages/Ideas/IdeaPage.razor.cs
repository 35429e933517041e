using System.Globalization;
using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Pages.Ideas;

/// <summary>
/// /ideas/{id}: one idea, where it stands, who champions it, its implementation links, what followed it in the
/// minutes, its history, and the forms its caller may use (<see cref="EventRules.ForIdea"/>: the author or champion
/// sets states and links, a verified user takes on an idea nobody champions, chairs and admins name champions and undo).
/// </summary>
public sealed partial class IdeaPage
{
    [Parameter]
    public int Id { get; set; }

    [SupplyParameterFromQuery(Name = AccountabilityForms.Message)]
    public string? Message { get; set; }

    [Inject]
    private IdeaDetails Details { get; set; } = null!;

    [Inject]
    private IDbContextFactory<TrackerDb> DbFactory { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private IdeaDetail? detail;

    private Caller? caller;

    private bool SignedIn => HttpContext?.User.Identity?.IsAuthenticated == true;

    private bool MaySetState => caller is { } c && (c.Owner || c.Manages);

    private bool MayTakeOn => caller is { } c && (c.Verified || c.Admin) && detail!.Record.Champion is null;

    private bool MayComment => caller is { } c && (c.Verified || c.Owner || c.Manages);

    private bool Manages => caller?.Manages == true;

    private string Action => Links.Idea(Id) + "/events";

    protected override async Task OnParametersSetAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        detail = await Details.FindAsync(Id, ct);
        if (detail is null)
        {
            Navigation.NotFound();
            return;
        }

        Caching.PageTags.Add(HttpContext, Caching.PageTags.Idea(Id), Caching.PageTags.Team(detail.Row.Team.Key));
        caller = null;
        if (SignedIn && HttpContext is { } http)
        {
            await using var db = await DbFactory.CreateDbContextAsync(ct);
            caller = await AccountabilityWrites.IdeaCallerAsync(db, http.User, detail.Trail, detail.Record, ct);
        }
    }

    private static string Said(HistoryEntry e)
        => EventWords.Kind(e.Kind) is { } kind ? EventWords.Of(EventSubject.Idea, kind, e.To, e.DueDate, e.Nick, e.Undoes) : e.Kind;

    private static string Label(string? state) => IdeaStates.Parse(state)?.Label() ?? state ?? string.Empty;

    private string LoginLink() => "account/login?returnUrl=" + Uri.EscapeDataString("/" + Links.Idea(Id));
}
