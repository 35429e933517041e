using System.Globalization;
using System.Security.Cryptography;
using MeetingTracker.Core.Accountability;
using Microsoft.AspNetCore.DataProtection;

namespace MeetingTracker.Core.Reminders;

/// <summary>
/// A one-click answer a digest offers: this account says this of this action, once, within 14 days. The signature
/// covers the account, the action, the nonce and the time; the answer rides beside it (<c>…~in-progress</c>), so the
/// four answers of one action cost one signature, and share its single use. Changing the answer in a link only chooses
/// another of the four the same recipient was offered, on a page that asks to confirm.
/// </summary>
public sealed record AnswerToken(string AccountId, int ChainId, ActionState Answer, string Nonce, DateTimeOffset IssuedAt);

/// <summary>A signed "turn this digest off" (RFC 8058 one-click unsubscribe).</summary>
public sealed record UnsubscribeToken(string AccountId, string Kind);

/// <summary>Why a token does not stand.</summary>
public enum TokenProblem
{
    None,
    Tampered,
    Expired,
}

/// <summary>
/// The signed links of the reminders (ASP.NET Core Data Protection, with the keys the site keeps in its database, so
/// the command line and every node sign and read the same). Each kind has its own purpose, so an unsubscribe token is
/// never an answer. An answer names one account, one action and one answer, carries a nonce (used once: the caller
/// records it) and expires after <see cref="AnswerLifetime"/>, judged by the site's clock.
/// </summary>
public sealed class ReminderTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan AnswerLifetime = TimeSpan.FromDays(14);

    /// <summary>The answers a digest offers, as they appear in links.</summary>
    public static readonly IReadOnlyList<ActionState> Answers = [ActionState.Done, ActionState.InProgress, ActionState.NeedHelp, ActionState.NoTime];

    /// <summary>Between the signed part of an answer token and the answer (not in base64url's alphabet; unreserved in URLs).</summary>
    public const char AnswerSeparator = '~';

    private readonly IDataProtector answers = provider.CreateProtector("MeetingTracker.Reminders.Answer.v2");
    private readonly IDataProtector unsubscribes = provider.CreateProtector("MeetingTracker.Reminders.Unsubscribe.v1");

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string Answer(AnswerToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Sign(token.AccountId, token.ChainId, token.Nonce, token.IssuedAt) + AnswerSeparator + token.Answer.Name();
    }

    /// <summary>The tokens of the four answers (<see cref="Answers"/>) of one action in one digest: one signature, one nonce.</summary>
    public IReadOnlyList<(ActionState Answer, string Token)> AnswersFor(string accountId, int chainId, string nonce, DateTimeOffset issuedAt)
    {
        var signed = Sign(accountId, chainId, nonce, issuedAt);
        return [.. Answers.Select(a => (a, signed + AnswerSeparator + a.Name()))];
    }

    private string Sign(string accountId, int chainId, string nonce, DateTimeOffset issuedAt)
        => answers.Protect(string.Join('\n', accountId, chainId.ToString(CultureInfo.InvariantCulture), nonce,
            issuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));

    public string Unsubscribe(UnsubscribeToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return unsubscribes.Protect(string.Join('\n', token.AccountId, token.Kind));
    }

    public (AnswerToken? Token, TokenProblem Problem) ReadAnswer(string? text)
    {
        var separator = text?.LastIndexOf(AnswerSeparator) ?? -1;
        if (separator < 0
            || Unprotect(answers, text![..separator]) is not [var account, var chain, var nonce, var issued]
            || !int.TryParse(chain, CultureInfo.InvariantCulture, out var chainId)
            || ActionStates.Parse(text[(separator + 1)..]) is not { } state || !Answers.Contains(state)
            || !long.TryParse(issued, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return (null, TokenProblem.Tampered);
        }

        var token = new AnswerToken(account, chainId, state, nonce, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
        return clock.GetUtcNow() - token.IssuedAt > AnswerLifetime ? (token, TokenProblem.Expired) : (token, TokenProblem.None);
    }

    public UnsubscribeToken? ReadUnsubscribe(string? text)
        => Unprotect(unsubscribes, text) is [var account, var kind] ? new UnsubscribeToken(account, kind) : null;

    private static string[]? Unprotect(IDataProtector protector, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000) return null;
        try
        {
            return protector.Unprotect(text.Trim()).Split('\n');
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
