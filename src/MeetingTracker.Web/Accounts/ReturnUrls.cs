using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingTracker.Web.Accounts;

/// <summary>Where to go after signing in: the asked place when it is on this site, else the home page.</summary>
public static class ReturnUrls
{
    public static string Safe(string? returnUrl)
    {
        // IsLocalUrl refuses absolute URLs, "//host", "/\host" and schemes such as javascript:.
        if (string.IsNullOrEmpty(returnUrl) || !RedirectHttpResult.IsLocalUrl(returnUrl))
        {
            return "/";
        }

        return returnUrl.StartsWith("~/", StringComparison.Ordinal) ? returnUrl[1..] : returnUrl;
    }
}
