using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// What the site's form POST endpoints share: a valid antiforgery token (checked here, whether or not the endpoint
/// binds a form field), the caller's account id, and a redirect back to the page, to a local path only.
/// </summary>
internal static class FormPosts
{
    public static TBuilder RequireFormToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute());
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                ? await next(context)
                : TypedResults.BadRequest("missing or invalid antiforgery token"));
        return builder;
    }

    public static string AccountId(ClaimsPrincipal user)
        => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("an authenticated user has an id");

    /// <summary>Back to <paramref name="returnUrl"/> when it is a local path, else <paramref name="fallback"/>; with a message.</summary>
    public static RedirectHttpResult Back(string? returnUrl, string fallback, string? key = null, string? message = null)
    {
        var target = returnUrl is ['/', not '/' and not '\\', ..] ? returnUrl : fallback;
        if (key is not null && message is not null)
        {
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var (path, fragment) = hash < 0 ? (target, string.Empty) : (target[..hash], target[hash..]);
            target = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, key, message) + fragment;
        }

        return TypedResults.Redirect(target);
    }
}
