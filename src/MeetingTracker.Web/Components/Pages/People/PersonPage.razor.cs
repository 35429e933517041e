using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Teams;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.People;

public sealed partial class PersonPage
{
    public const int MeetingsPageSize = 25;
    public const int ItemsPageSize = 20;

    [Parameter]
    public string Name { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "page")]
    public string? MeetingsPageText { get; set; }

    [SupplyParameterFromQuery(Name = "actionsPage")]
    public string? ActionsPageText { get; set; }

    [SupplyParameterFromQuery(Name = "ideasPage")]
    public string? IdeasPageText { get; set; }

    [Inject]
    private PersonQueries Queries { get; set; } = null!;

    private Actions.Standings? standings;

    [Inject]
    private Stats.AccountabilityTallies Tallies { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private PersonDigest? digest;

    private PersonLists? lists;

    private Core.Accountability.AccountabilityCounts accountability = Core.Accountability.AccountabilityCounts.Zero;

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        var found = await Queries.FindAsync(Name, ct);
        if (found is null)
        {
            Navigation.NotFound();
            return;
        }

        if (!found.IsCanonical && HttpContext is not null)
        {
            PageRedirect.Permanent(HttpContext, Navigation, Common.Links.Person(found.Person.Name));
            return;
        }

        Caching.PageTags.Add(HttpContext, Caching.PageTags.Person(found.Person.Id), Caching.PageTags.People);
        digest = await Queries.DigestAsync(found.Person, ct);
        standings = await Queries.StandingsAsync(ct);
        accountability = await Tallies.PersonAsync(found.Person.Id, ct);
        lists = await Queries.ListsAsync(digest, (Paging.Number(MeetingsPageText), MeetingsPageSize), (Paging.Number(ActionsPageText), ItemsPageSize), (Paging.Number(IdeasPageText), ItemsPageSize), ct);
    }

    /// <summary>The other people an action names besides this person.</summary>
    private IReadOnlyList<PersonRef> Others(PersonItem item) => [.. item.Owners.Where(o => o.Id != digest!.Person.Id)];
}
