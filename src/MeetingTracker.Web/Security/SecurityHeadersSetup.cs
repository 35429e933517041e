using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace MeetingTracker.Web.Security;

/// <summary>
/// Security headers on every response (NetEscapades.AspNetCore.SecurityHeaders): a Content-Security-Policy that
/// allows no inline script or style (the site is static server-rendered and needs no script at all), nosniff,
/// a referrer policy and no framing.
/// </summary>
public static class SecurityHeadersSetup
{
    public const string JobsPolicy = "jobs";

    public static WebApplicationBuilder AddSiteSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(p => Policy(p, inlineStyles: false))
            // Hangfire's dashboard (/jobs, local requests only) writes style attributes into its pages (Hangfire.Core
            // 1.8.25; its scripts are files, with no inline script or handler): it may use inline styles, nothing more.
            .AddPolicy(JobsPolicy, p => Policy(p, inlineStyles: true))
            // The dashboard is middleware, not an endpoint: it is told apart by its path (inside its branch, the
            // "/jobs" prefix has moved from Path to PathBase).
            .SetPolicySelector(ctx => (ctx.HttpContext.Request.PathBase + ctx.HttpContext.Request.Path).StartsWithSegments(Jobs.JobsHostExtensions.DashboardPath, StringComparison.OrdinalIgnoreCase)
                ? ctx.ConfiguredPolicies[JobsPolicy]
                : ctx.SelectedPolicy);
        return builder;
    }

    /// <summary>First in the pipeline, so that every answer (errors and 404s included) carries the headers.</summary>
    public static WebApplication UseSiteSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        return app;
    }

    private static HeaderPolicyCollection Policy(HeaderPolicyCollection policy, bool inlineStyles)
        => policy.AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddFrameOptionsDeny()
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                var styles = csp.AddStyleSrc().Self();
                if (inlineStyles)
                {
                    styles.UnsafeInline();
                }

                csp.AddImgSrc().Self().Data();
                csp.AddFrameAncestors().None();
                csp.AddFormAction().Self();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
            });
}
