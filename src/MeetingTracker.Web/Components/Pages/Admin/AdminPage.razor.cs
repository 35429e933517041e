using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Accounts;
using MeetingTracker.Web.Configuration;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingTracker.Web.Components.Pages.Admin;

/// <summary>/admin (admins only): claims waiting, accounts, alias edits. Its forms POST to <see cref="AdminEndpoints"/>.</summary>
public sealed partial class AdminPage
{
    [SupplyParameterFromQuery(Name = AdminEndpoints.Message)]
    public string? Message { get; set; }

    [Inject]
    private IDbContextFactory<TrackerDb> DbFactory { get; set; } = null!;

    [Inject]
    private IOptionsMonitor<MeetingTrackerOptions> Options { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private AdminModel? model;

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var accounts = await db.Users.AsNoTracking().Where(a => a.DeletedAt == null).OrderBy(a => a.Email).ToListAsync(ct);
        var waiting = await (from c in db.NickClaims.AsNoTracking()
                             join p in db.People on c.PersonId equals p.Id
                             where c.Status == ClaimStatus.Pending
                             orderby c.Id
                             select new WaitingClaim(c.Id, c.Account!.Email ?? c.AccountId, c.Nick, p.Name, c.CreatedAt, c.Note)).ToListAsync(ct);
        model = new AdminModel(
            [.. accounts.Select(a => new AccountRow(a.Id, a.Email, a.DisplayName, a.EmailConfirmed, AccountClaimsFactory.IsAdmin(a, Options.CurrentValue), a.DisabledAt))],
            waiting);
    }

    private sealed record AdminModel(List<AccountRow> Accounts, List<WaitingClaim> Waiting);

    private sealed record AccountRow(string Id, string? Email, string Name, bool Confirmed, bool Admin, DateTimeOffset? DisabledAt);

    private sealed record WaitingClaim(int Id, string Email, string Nick, string Person, DateTimeOffset CreatedAt, string? Note);
}
