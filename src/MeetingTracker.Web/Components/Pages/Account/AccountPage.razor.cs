using MeetingTracker.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using AccountEntity = MeetingTracker.Core.Accounts.Account;

namespace MeetingTracker.Web.Components.Pages.Account;

/// <summary>
/// The signed-in user's own page. Each form is its own component and answers its POST with a redirect back here
/// and a fixed message chosen by <c>?done=</c> (never text from the query).
/// </summary>
public sealed partial class AccountPage
{
    internal const string Path = "account";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["name"] = "Your display name is changed.",
        ["email"] = "We sent a message to the new address: the change applies when you open its link.",
        ["password"] = "Your password is changed.",
        ["reminders"] = "Your reminder preferences are saved.",
        ["reminders-zone"] = "That is not a time zone name: choose one from the list (such as Europe/Berlin). Nothing was changed.",
        ["reminders-bad"] = "Choose how often, a day and an hour from 0 to 23. Nothing was changed.",
    };

    private AccountEntity? account;

    [Inject]
    private UserManager<AccountEntity> Users { get; set; } = null!;

    [Inject]
    private SignInManager<AccountEntity> SignIn { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "done")]
    private string? Done { get; set; }

    private string? Message => Done is null ? null : Messages.GetValueOrDefault(Done);

    private static string DataLink => AccountPagesSetup.DataPath.TrimStart('/');

    internal static string After(string done) => Path + "?done=" + done;

    protected override async Task OnInitializedAsync()
    {
        account = await Users.GetUserAsync(HttpContext.User);
        if (account is not { IsActive: true })
        {
            // Deleted or disabled since this session began.
            await SignIn.SignOutAsync();
            Navigation.NavigateTo("account/login");
        }
    }
}
