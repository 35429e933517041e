using System.Globalization;
using System.Security.Claims;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MeetingTracker.Web.Reminders;

/// <summary>
/// The reminders in the web host: the hourly <c>reminders</c> job, the one-click answer (<c>/reminders/answer</c>) and
/// the one-click unsubscribe (<c>/reminders/unsubscribe</c>, RFC 8058) pages and their POSTs, the account's preferences.
/// </summary>
public static class RemindersSetup
{
    /// <summary>The pages (GET); their POSTs go to the paths below (a page's route also takes Blazor's form posts).</summary>
    public const string AnswerPath = "/reminders/answer";
    public const string UnsubscribePath = "/reminders/unsubscribe";

    /// <summary>The answer page's form.</summary>
    public const string ConfirmPath = "/reminders/answer/confirm";

    /// <summary>The <c>List-Unsubscribe</c> link (RFC 8058's POST; a GET is sent to the page) and the page's button.</summary>
    public const string OneClickPath = "/reminders/unsubscribe/one-click";
    public const string PreferencesPath = "/account/reminders";

    public static IHostApplicationBuilder AddReminderJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddReminders();
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section);
        services.AddScoped<ReminderAnswers>();
        services.AddSingleton<ReminderSettings>();
        services.AddScoped<RemindersJob>();
        services.AddScoped<IPersonalDataSection, RemindersPersonalData>();
        services.AddScoped<IPersonalDataSection, EventsPersonalData>();
        services.AddHostedService<RemindersScheduler>();
        return builder;
    }

    public static void MapReminderForms(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Whoever holds the signed link may use it: no sign-in. The answer form carries an antiforgery token like every
        // form of the site; the unsubscribe POST comes from mail providers (RFC 8058), which have no cookie.
        app.MapPost(ConfirmPath, AnswerAsync).AllowAnonymous().RequireFormToken().ExcludeFromDescription();
        app.MapPost(OneClickPath, UnsubscribeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        // RFC 8058: a GET of the List-Unsubscribe link never unsubscribes (link checkers follow links); it shows the page.
        app.MapGet(OneClickPath, (HttpRequest request) => TypedResults.Redirect(UnsubscribePath + request.QueryString)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(PreferencesPath, PreferencesAsync).RequireAuthorization(Policies.User).RequireFormToken().ExcludeFromDescription();
    }

    /// <summary>The account page's reminder form: frequency, day, hour, time zone, and a <c>team-{id}</c> box per chaired team.</summary>
    private static async Task<RedirectHttpResult> PreferencesAsync(HttpRequest request, ClaimsPrincipal user, ReminderSettings settings, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        if (!Enum.TryParse<DigestFrequency>(form["frequency"], ignoreCase: true, out var frequency)
            || !Enum.TryParse<DayOfWeek>(form["day"], ignoreCase: true, out var day)
            || !int.TryParse(form["hour"], CultureInfo.InvariantCulture, out var hour) || hour is < 0 or > 23
            || !Enum.IsDefined(frequency) || !Enum.IsDefined(day))
        {
            return Done("reminders-bad");
        }

        var teams = form.Keys.Where(k => k.StartsWith("team-", StringComparison.Ordinal) && form[k] == "on")
            .Select(k => int.TryParse(k.AsSpan(5), CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        var problem = await settings.SaveAsync(FormPosts.AccountId(user), frequency, day, hour, form["timeZone"], teams, cancellationToken);
        return Done(problem is null ? "reminders" : "reminders-zone");
    }

    private static RedirectHttpResult Done(string done) => TypedResults.Redirect($"/account?done={done}#reminders");

    private static async Task<RedirectHttpResult> AnswerAsync([FromForm] AnswerForm form, ReminderAnswers answers, CancellationToken cancellationToken)
    {
        string outcome;
        if (form.Note is { Length: > EventRules.MaxNote })
        {
            outcome = "long";
        }
        else
        {
            var view = await answers.ApplyAsync(form.T, form.Note, cancellationToken);
            outcome = view.Status == AnswerStatus.Applied ? "done" : "checked";
        }

        return TypedResults.Redirect($"{AnswerPath}?t={Uri.EscapeDataString(form.T ?? string.Empty)}&outcome={outcome}");
    }

    /// <summary>
    /// RFC 8058: a POST with <c>List-Unsubscribe=One-Click</c> turns the digest off and answers 200; the page's own
    /// button (a form without that field) is sent back to the page, which then says it is off.
    /// </summary>
    private static async Task<IResult> UnsubscribeAsync(HttpRequest request, ReminderTokens tokens, ReminderSettings settings, CancellationToken cancellationToken)
    {
        var text = request.Query["t"].ToString();
        var oneClick = false;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            oneClick = form["List-Unsubscribe"] == "One-Click";
            if (string.IsNullOrEmpty(text)) text = form["t"].ToString();
        }

        if (tokens.ReadUnsubscribe(text) is not { } token || !await settings.TurnOffAsync(token.AccountId, token.Kind, cancellationToken))
        {
            return oneClick
                ? TypedResults.Text("This is not a valid unsubscribe link: nothing was changed.", "text/plain", statusCode: StatusCodes.Status400BadRequest)
                : TypedResults.Redirect($"{UnsubscribePath}?t={Uri.EscapeDataString(text)}");
        }

        return oneClick ? TypedResults.Text("Unsubscribed: this digest is off.", "text/plain") : TypedResults.Redirect($"{UnsubscribePath}?t={Uri.EscapeDataString(text)}&outcome=off");
    }

    public sealed class AnswerForm
    {
        public string? T { get; set; }

        public string? Note { get; set; }
    }
}
