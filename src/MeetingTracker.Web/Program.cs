using MeetingTracker.Web.Accounts;
using MeetingTracker.Web.Api;
using MeetingTracker.Web.Caching;
using MeetingTracker.Web.Components;
using MeetingTracker.Web.Components.Pages.Actions;
using MeetingTracker.Web.Components.Pages.Meetings;
using MeetingTracker.Web.Components.Pages.Search;
using MeetingTracker.Web.Components.Pages.Teams;
using MeetingTracker.Web.Configuration;
using MeetingTracker.Web.Feeds;
using MeetingTracker.Web.Harvesting;
using MeetingTracker.Web.Jobs;
using MeetingTracker.Web.Mail;
using MeetingTracker.Web.Reminders;
using MeetingTracker.Web.Search;
using MeetingTracker.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;

// Before the host starts its threads: each would otherwise get a malloc arena of its own (ADR 17).
NativeHeap.LimitArenas();

var builder = WebApplication.CreateBuilder(args);

// The scoped stylesheets of a build (not a publish) are served in every environment, not only in Development: an
// admin running `dotnet run -c Release` in Production got a 500 for them.
builder.WebHost.UseStaticWebAssets();

builder.AddMeetingTrackerOptions();

// Handlers after a harvest are told in the order they were added. The trim runs before the harvesting's own (the
// action owners, the mentions), again before the snapshot and answer caches are rebuilt (AddAccountabilityPages and
// after), and last: each rebuild's reads then start from a compacted heap and are not left committed (ADR 17).
builder.Services.AddSingleton<MeetingTracker.Core.Harvesting.IMeetingsChangedHandler, AfterHarvestTrim>();
builder.AddHarvestingHost();
builder.Services.AddSingleton<MeetingTracker.Core.Harvesting.IMeetingsChangedHandler, AfterHarvestTrim>();
builder.AddHarvestJobs();
builder.AddBackupJob();
builder.AddSearchHost();
builder.AddSiteApi();
builder.AddAccountabilityPages();
builder.AddTeamsPeopleAndStats();
builder.AddSearchPages();
builder.AddAccounts();
builder.AddSiteAuthorization();
builder.AddAccountPages();
builder.AddSiteSecurityHeaders();
builder.AddMail();
builder.AddReminderJobs();
builder.AddOidc();
builder.AddPageCache();
builder.Services.AddRazorComponents();
builder.Services.AddSingleton<MeetingTracker.Core.Harvesting.IMeetingsChangedHandler, AfterHarvestTrim>();

var app = builder.Build();

app.UseSiteSecurityHeaders();

// Behind a reverse proxy on this host, the client's address comes from X-Forwarded-For (trusted from loopback
// only), so the local-only dashboard does not take every proxied request for a local one.
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiAndFeedsOwnStatusAnswers();
app.UseAccounts();
app.UsePageCache();
app.UseAccountPages();
app.UseAntiforgery();
app.MapStaticAssets();
app.UseJobsDashboard();
app.MapSiteApi();
app.MapFeeds();
app.MapExternalLogin();
app.MapOldMeetbotUrls();
app.MapAccountForms();
app.MapAdminForms();
app.MapAccountabilityForms();
app.MapReminderForms();
app.MapRazorComponents<App>();

// (Taken before the run: RunAsync disposes the host, and its services with it, before an exception leaves it.)
var stopping = app.Lifetime.ApplicationStopping;
try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // SIGTERM while starting (the database being migrated): a stop like any other, not an unhandled exception and abort.
}

/// <summary>The entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
