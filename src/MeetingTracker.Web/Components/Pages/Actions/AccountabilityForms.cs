using System.Globalization;
using System.Security.Claims;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Accounts;
using MeetingTracker.Web.Accounts;
using MeetingTracker.Web.Components.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MeetingTracker.Web.Components.Pages.Actions;

/// <summary>
/// The POSTs of the action and idea pages' forms: signed-in users, antiforgery token required; each change goes
/// through <see cref="AccountabilityWrites"/> as the API's do, and answers with a redirect back to the page, saying
/// what happened or why not (POST, redirect, GET).
/// </summary>
public static class AccountabilityForms
{
    public const string Message = "message";

    public static void MapAccountabilityForms(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var forms = app.MapGroup(string.Empty).RequireAuthorization(Policies.User).RequireFormToken().ExcludeFromDescription();
        forms.MapPost("/actions/{id:int}/events", ActionAsync);
        forms.MapPost("/ideas/{id:int}/events", IdeaAsync);
    }

    private static async Task<Results<RedirectHttpResult, Microsoft.AspNetCore.Http.HttpResults.NotFound>> ActionAsync(
        int id, [FromForm] ActionForm form, ClaimsPrincipal user, AccountabilityWrites writes, CancellationToken cancellationToken)
    {
        if (!TryDate(form.DueDate, out var due)) return Back(Links.Action(id), "The due date must be a date (YYYY-MM-DD).");
        var change = new ActionChange(
            Blank(form.State), Blank(form.Note), Blank(form.Link), due, form.ClearDue == "true" ? true : null, form.Take == "true" ? true : null,
            form.Offer == "true" ? true : null, form.Comment is null ? null : form.Comment, Blank(form.Reassign), form.Undo);
        var outcome = await writes.ActionAsync(id, change, user, cancellationToken);
        return outcome.NotFound ? TypedResults.NotFound() : Back(Links.Action(id), Said(outcome));
    }

    private static async Task<Results<RedirectHttpResult, Microsoft.AspNetCore.Http.HttpResults.NotFound>> IdeaAsync(
        int id, [FromForm] IdeaForm form, ClaimsPrincipal user, AccountabilityWrites writes, CancellationToken cancellationToken)
    {
        var change = new IdeaChange(
            Blank(form.State), Blank(form.Note), Blank(form.Link), Blank(form.Champion), form.TakeOn == "true" ? true : null, form.Comment, form.Undo);
        var outcome = await writes.IdeaAsync(id, change, user, cancellationToken);
        return outcome.NotFound ? TypedResults.NotFound() : Back(Links.Idea(id), Said(outcome));
    }

    private static string Said(WriteOutcome outcome) => outcome.Refusal?.Error ?? outcome.Event!.Kind switch
    {
        "state" => $"Now {outcome.Event.To?.Replace('-', ' ')}.",
        "take" => "It is yours now.",
        "offer" => "Your offer of help is on its page: its owners see it.",
        "comment" => "Comment added.",
        "due" => outcome.Event.DueDate is { } d ? $"Due {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}." : "Due date cleared.",
        "reassign" => $"Given to {outcome.Event.Nick}.",
        "champion" => outcome.Event.Nick is { } n ? $"{n} champions it now." : "You champion it now.",
        "link" => "Link added.",
        _ => "Undone.",
    };

    private static RedirectHttpResult Back(string page, string message) => FormPosts.Back(null, "/" + page + "#history", Message, message);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }

    /// <summary>The action page's form fields (each form sends the ones it has).</summary>
    public sealed class ActionForm
    {
        public string? State { get; set; }

        public string? Note { get; set; }

        public string? Link { get; set; }

        public string? DueDate { get; set; }

        public string? ClearDue { get; set; }

        public string? Take { get; set; }

        public string? Offer { get; set; }

        public string? Comment { get; set; }

        public string? Reassign { get; set; }

        public long? Undo { get; set; }
    }

    /// <summary>The idea page's form fields.</summary>
    public sealed class IdeaForm
    {
        public string? State { get; set; }

        public string? Note { get; set; }

        public string? Link { get; set; }

        public string? Champion { get; set; }

        public string? TakeOn { get; set; }

        public string? Comment { get; set; }

        public long? Undo { get; set; }
    }
}
