using MeetingTracker.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;

namespace MeetingTracker.Web.Accounts;

/// <summary>
/// Who may do what, in one place: the four policies (<see cref="Policies"/>), each accepting the session cookie or a
/// personal access token (<see cref="TokenAuthenticationHandler"/>, /api only), the owner and chair rules
/// (<see cref="AuthorizationHandlers"/>), and the OpenAPI description of both schemes. Call after <c>AddAccounts</c>:
/// its user and admin policies are redefined here with both schemes.
/// </summary>
public static class AuthorizationSetup
{
    private static readonly string[] Schemes = [IdentityConstants.ApplicationScheme, TokenAuthenticationHandler.SchemeName];

    public static WebApplicationBuilder AddSiteAuthorization(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, AuthorizationHandlers>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.User, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser().RequireClaim(AccountClaimsFactory.AdminClaim, "true"))
            .AddPolicy(Policies.Owner, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser().AddRequirements(new OwnerRequirement()))
            .AddPolicy(Policies.TeamChair, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser().AddRequirements(new TeamChairRequirement()));
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<OpenApiSecuritySchemes>().AddOperationTransformer<OpenApiSecuritySchemes>());
        return builder;
    }
}
