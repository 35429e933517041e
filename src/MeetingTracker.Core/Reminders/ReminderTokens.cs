using System.Globalization;
using System.Security.Cryptography;
using MeetingTracker.Core.Accountability;
using Microsoft.AspNetCore.DataProtection;

namespace MeetingTracker.Core.Reminders;

/// <summary>A one-click answer a digest offers: this account says this of this action, once, within 14 days.</summary>
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

    private readonly IDataProtector answers = provider.CreateProtector("MeetingTracker.Reminders.Answer.v1");
    private readonly IDataProtector unsubscribes = provider.CreateProtector("MeetingTracker.Reminders.Unsubscribe.v1");

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string Answer(AnswerToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return answers.Protect(string.Join('\n', token.AccountId, token.ChainId.ToString(CultureInfo.InvariantCulture), token.Answer.Name(), token.Nonce,
            token.IssuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
    }

    public string Unsubscribe(UnsubscribeToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return unsubscribes.Protect(string.Join('\n', token.AccountId, token.Kind));
    }

    public (AnswerToken? Token, TokenProblem Problem) ReadAnswer(string? text)
    {
        if (Unprotect(answers, text) is not [var account, var chain, var answer, var nonce, var issued]
            || !int.TryParse(chain, CultureInfo.InvariantCulture, out var chainId)
            || ActionStates.Parse(answer) is not { } state || !Answers.Contains(state)
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
