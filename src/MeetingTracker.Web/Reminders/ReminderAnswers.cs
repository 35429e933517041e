using MeetingTracker.Core.Accountability;
using MeetingTracker.Core.Accountability.Events;
using MeetingTracker.Core.Reminders;
using MeetingTracker.Core.Storage;
using MeetingTracker.Web.Components.Pages.Actions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using AccountEntity = MeetingTracker.Core.Accounts.Account;

namespace MeetingTracker.Web.Reminders;

/// <summary>Where a one-click answer stands.</summary>
public enum AnswerStatus
{
    /// <summary>The link is good: the page asks to confirm (with a note).</summary>
    Ready,

    /// <summary>The answer was just recorded.</summary>
    Applied,

    /// <summary>Not a link the site signed, or altered.</summary>
    Tampered,

    Expired,

    /// <summary>An answer of this reminder was already recorded for this action.</summary>
    Used,

    /// <summary>The rules refuse it now (the account no longer owns the action, …).</summary>
    Refused,

    /// <summary>The action is gone from the logs, or the account is deleted or disabled.</summary>
    Gone,
}

/// <summary>What the answer page shows.</summary>
public sealed record AnswerView(
    AnswerStatus Status, string? Problem = null, AnswerToken? Token = null, ActionStanding? Action = null, string? Team = null,
    string? ChangedSince = null, DateTimeOffset? UsedAt = null, string? UsedAnswer = null);

/// <summary>
/// The one-click answers of the digests: a signed token (<see cref="ReminderTokens"/>) names the account, the action
/// and the answer. Following the link shows the action and asks to confirm; the POST applies the change as that
/// account, without a password, through the same rules and writes as the site's forms (<see cref="AccountabilityWrites"/>),
/// and records the token's nonce in the same transaction, so a link works once. A used, expired or altered link, or
/// one the rules now refuse, changes nothing and says why.
/// </summary>
public sealed class ReminderAnswers(
    ReminderTokens tokens, ActionStandings standings, AccountabilityWrites writes, IDbContextFactory<TrackerDb> dbs,
    UserManager<AccountEntity> users, IUserClaimsPrincipalFactory<AccountEntity> principals, TimeProvider clock)
{
    public async Task<AnswerView> ReadAsync(string? token, CancellationToken cancellationToken)
        => (await CheckAsync(token, cancellationToken)).View;

    public async Task<AnswerView> ApplyAsync(string? token, string? note, CancellationToken cancellationToken)
    {
        var (view, principal) = await CheckAsync(token, cancellationToken);
        if (view.Status != AnswerStatus.Ready) return view;
        var answer = view.Token!;
        var change = new ActionChange(State: answer.Answer.Name(), Note: string.IsNullOrWhiteSpace(note) ? null : note);
        try
        {
            var outcome = await writes.ActionAsync(answer.ChainId, change, principal!, cancellationToken, (db, made) => db.ReminderTokenUses.Add(new ReminderTokenUse
            {
                Nonce = answer.Nonce,
                AccountId = answer.AccountId,
                UsedAt = clock.GetUtcNow(),
                EventId = made.Id,
            }));
            if (outcome.NotFound) return new AnswerView(AnswerStatus.Gone, "This action is no longer in the meeting logs.", answer);
            if (outcome.Refusal is { } refusal) return view with { Status = AnswerStatus.Refused, Problem = refusal.Error };
            return view with { Status = AnswerStatus.Applied, UsedAt = clock.GetUtcNow(), UsedAnswer = answer.Answer.Label() };
        }
        catch (DbUpdateException)
        {
            // The same link posted twice at once: the nonce's key let one through.
            return (await CheckAsync(token, cancellationToken)).View;
        }
    }

    private async Task<(AnswerView View, System.Security.Claims.ClaimsPrincipal? Principal)> CheckAsync(string? text, CancellationToken cancellationToken)
    {
        var (token, problem) = tokens.ReadAnswer(text);
        if (token is null || problem == TokenProblem.Tampered)
        {
            return (new AnswerView(AnswerStatus.Tampered, "This link is not one MeetingTracker sent, or it was cut or changed on its way."), null);
        }

        var now = await standings.ReadAsync(cancellationToken);
        var action = now.Find(token.ChainId);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var team = action is null ? null : await db.Teams.AsNoTracking().Where(t => t.Id == action.Chain.TeamId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var used = await db.ReminderTokenUses.AsNoTracking().Where(u => u.Nonce == token.Nonce)
            .Select(u => new { u.UsedAt, Answer = db.AccountabilityEvents.Where(e => e.Id == u.EventId).Select(e => e.To).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (used is not null)
        {
            var said = ActionStates.Parse(used.Answer)?.Label() ?? used.Answer;
            return (new AnswerView(AnswerStatus.Used, "This reminder was already answered for this action.", token, action, team, UsedAt: used.UsedAt, UsedAnswer: said), null);
        }

        if (problem == TokenProblem.Expired)
        {
            return (new AnswerView(AnswerStatus.Expired, $"This link expired: answers from a reminder work for {ReminderTokens.AnswerLifetime.Days} days.", token, action, team), null);
        }

        var account = await users.FindByIdAsync(token.AccountId);
        if (account is not { IsActive: true })
        {
            return (new AnswerView(AnswerStatus.Gone, "The account this reminder was sent to is disabled or deleted.", token), null);
        }

        if (action is null) return (new AnswerView(AnswerStatus.Gone, "This action is no longer in the meeting logs.", token), null);
        var principal = await principals.CreateAsync(account);
        var (caller, hasOwners) = await AccountabilityWrites.CallerAsync(db, principal, action, cancellationToken);
        var (_, refusal) = EventRules.ForAction(new ActionChange(State: token.Answer.Name()), caller, action, hasOwners, clock.GetUtcNow());
        if (refusal is not null)
        {
            return (new AnswerView(AnswerStatus.Refused, refusal.Error, token, action, team), null);
        }

        // Said or carried since the mail left: the page says so before anyone confirms.
        string? changed = null;
        if (action.Record.LastAt > token.IssuedAt || action.Chain.Latest.Time > token.IssuedAt)
        {
            changed = $"This action changed since the reminder was sent: it is now {action.State.Label()}.";
        }

        return (new AnswerView(AnswerStatus.Ready, null, token, action, team, changed), principal);
    }
}
