using Microsoft.Extensions.Configuration;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Harvesting;
using MeetingTracker.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingTracker.Cli.Commands;

/// <summary>
/// The engine's services plus ASP.NET Core Identity's user manager (with the web host's password rules and hasher), for
/// the <c>users</c>, <c>claims</c> and <c>tokens</c> verbs; and the failure those verbs print.
/// </summary>
internal static class AccountServices
{
    public static Task<ServiceProvider> OpenAsync(DirectoryInfo dataDir, IConfiguration configuration, CancellationToken cancellationToken)
        => HarvestingSetup.OpenAsync(dataDir.FullName, DatabaseOptions.From(configuration), services => services.AddIdentityCore<Account>(o =>
            {
                // As the web host's AccountsSetup: NIST SP 800-63B, length rather than composition.
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<TrackerDb>(), cancellationToken);

    /// <summary>The account of an address (any case), or null.</summary>
    public static async Task<Account?> FindAsync(UserManager<Account> users, string email) => await users.FindByEmailAsync(email.Trim());

    public static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"meetingtracker: {message}");
        return 1;
    }

    public static Task<TrackerDb> DbAsync(IServiceProvider services, CancellationToken cancellationToken)
        => services.GetRequiredService<IDbContextFactory<TrackerDb>>().CreateDbContextAsync(cancellationToken);
}
