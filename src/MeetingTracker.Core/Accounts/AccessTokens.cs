using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accounts;

/// <summary>
/// Personal access tokens: <c>mt_</c> and 32 random bytes in base64url. Only the SHA-256 hash is stored; the token is
/// returned once, by <see cref="CreateAsync"/>.
/// </summary>
public static class AccessTokens
{
    public const string TokenPrefix = "mt_";

    /// <summary>Characters kept (in <see cref="PersonalAccessToken.Prefix"/>) to tell tokens apart.</summary>
    public const int ShownPrefixLength = 10;

    public const int MaxNameLength = 100;

    /// <summary>Creates a token; returns its row and the token itself (shown once, never stored).</summary>
    /// <exception cref="InvalidOperationException">No such active account, a bad name or expiry, or the name is taken.</exception>
    public static async Task<(PersonalAccessToken Row, string Token)> CreateAsync(
        TrackerDb db, string accountId, string name, int? expiresInDays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length is 0 or > MaxNameLength) throw new InvalidOperationException($"a token needs a name of 1 to {MaxNameLength} characters");
        if (expiresInDays is < 1 or > 3650) throw new InvalidOperationException("the expiry is 1 to 3650 days, or none");
        if (!await db.Users.AnyAsync(a => a.Id == accountId && a.DisabledAt == null && a.DeletedAt == null, cancellationToken))
        {
            throw new InvalidOperationException("no such active account");
        }

        if (await db.AccessTokens.AnyAsync(t => t.AccountId == accountId && t.Name == trimmed, cancellationToken))
        {
            throw new InvalidOperationException($"a token named '{trimmed}' exists already");
        }

        var token = TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var row = new PersonalAccessToken
        {
            AccountId = accountId,
            Name = trimmed,
            Hash = Hash(token),
            Prefix = token[..ShownPrefixLength],
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return (row, token);
    }

    /// <summary>Revokes the account's token of that name; false when there is none or it is revoked already.</summary>
    public static async Task<bool> RevokeAsync(TrackerDb db, string accountId, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.AccessTokens.SingleOrDefaultAsync(t => t.AccountId == accountId && t.Name == name && t.RevokedAt == null, cancellationToken);
        if (row is null) return false;
        row.RevokedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>True when the text has a token's shape (prefix, then 43 base64url characters).</summary>
    public static bool LooksLikeToken(string text)
        => text is { Length: 46 } && text.StartsWith(TokenPrefix, StringComparison.Ordinal) && text.AsSpan(3).IndexOfAnyExcept(Base64UrlChars) < 0;

    private static readonly System.Buffers.SearchValues<char> Base64UrlChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
