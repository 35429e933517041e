using System.Globalization;
using MeetingTracker.Web.Components.Common;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.AspNetCore.Components;

namespace MeetingTracker.Web.Components.Pages.Help;

/// <summary>/help: the board of <see cref="HelpBoard"/>, with an "I can help" form on each entry for signed-in users.</summary>
public sealed partial class HelpPage
{
    private HelpList? list;

    [Inject]
    private HelpBoard Board { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = "team")]
    public string? Team { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? PageText { get; set; }

    private bool SignedIn => HttpContext?.User.Identity?.IsAuthenticated == true;

    private static string LoginLink => "account/login?returnUrl=" + Uri.EscapeDataString("/" + Links.Help);

    protected override async Task OnParametersSetAsync()
        => list = await Board.ListAsync(new HelpQuery(Team, ActionsPage.Number(PageText)), HttpContext?.RequestAborted ?? CancellationToken.None);

    private static string Heading(HelpList list)
        => list.Rows.Total == 1 ? "1 thing needs a hand" : string.Create(CultureInfo.InvariantCulture, $"{list.Rows.Total} things need a hand");

    private static string KindLabel(HelpRow row) => row.Kind switch
    {
        HelpKind.Action => row.State == "no-time" ? "Action, up for grabs:" : "Action, needs help:",
        HelpKind.Idea => "Idea, looking for a champion:",
        _ => "Help wanted:",
    };
}
