using System.Text.Json;
using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Accounts;

/// <summary>
/// What an OpenID Connect provider's nick claim (Fedora's chat nicknames, say) says at sign-in: each nick that is a
/// person of the logs is claimed for the account, Verified by <see cref="ClaimVerification.Oidc"/>; when that person is
/// already verified for another account, the claim waits (Pending) for an admin instead. A claim an admin refused is
/// left alone. The caller saves.
/// </summary>
public sealed class OidcNickClaims(TimeProvider clock)
{
    private const int MaxNicks = 20;

    private static readonly char[] Separators = [' ', ',', ';', '\t', '\r', '\n'];

    /// <summary>
    /// The nicks in the claim's values: a JSON array, a space- or comma-separated list, or one value per claim; Noggin's
    /// URL forms (<c>irc:/nick</c>, <c>matrix://server/nick</c>) give their last segment. Distinct, any case.
    /// </summary>
    public static IReadOnlyList<string> ParseNicks(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var nicks = new List<string>();
        foreach (var value in values)
        {
            foreach (var token in Tokens(value.Trim()))
            {
                var nick = token.Contains(":/", StringComparison.Ordinal) ? token[(token.LastIndexOf('/') + 1)..] : token;
                if (nick.Length is > 0 and <= 200 && !nicks.Contains(nick, StringComparer.OrdinalIgnoreCase))
                {
                    nicks.Add(nick);
                }
            }
        }

        return nicks.Count <= MaxNicks ? nicks : nicks[..MaxNicks];
    }

    /// <summary>Adds or verifies the account's claims for the people <paramref name="nicks"/> name; returns what changed.</summary>
    public async Task<IReadOnlyList<NickClaim>> ApplyAsync(TrackerDb db, string accountId, IEnumerable<string> nicks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(nicks);
        var now = clock.GetUtcNow();
        var changed = new List<NickClaim>();
        var seen = new HashSet<int>();
        foreach (var nick in nicks)
        {
            if (await PersonOfAsync(db, nick, cancellationToken).ConfigureAwait(false) is not { } personId || !seen.Add(personId))
            {
                continue;
            }

            var claims = await db.NickClaims.Where(c => c.PersonId == personId && c.Status != ClaimStatus.Ended).ToListAsync(cancellationToken).ConfigureAwait(false);
            var mine = claims.Where(c => c.AccountId == accountId).ToList();
            if (mine.Exists(c => c.Status is ClaimStatus.Verified or ClaimStatus.Refused))
            {
                continue;
            }

            var pending = mine.Find(c => c.Status == ClaimStatus.Pending);
            if (claims.Exists(c => c.AccountId != accountId && c.Status == ClaimStatus.Verified))
            {
                if (pending is null)
                {
                    changed.Add(Add(db, accountId, personId, nick, ClaimStatus.Pending, now,
                        $"the OpenID Connect provider names '{nick}' for this account, but the person is verified for another account: an admin decides"));
                }

                continue;
            }

            var note = $"the OpenID Connect provider named '{nick}' at sign-in";
            if (pending is null)
            {
                changed.Add(Add(db, accountId, personId, nick, ClaimStatus.Verified, now, note));
            }
            else
            {
                (pending.Status, pending.VerifiedBy, pending.DecidedAt, pending.Note) = (ClaimStatus.Verified, ClaimVerification.Oidc, now, note);
                changed.Add(pending);
            }
        }

        return changed;
    }

    // The person whose alias is the nick (any case), else its base nick's (bob_, bob[m], @bob:server → bob).
    private static async Task<int?> PersonOfAsync(TrackerDb db, string nick, CancellationToken cancellationToken)
    {
        var exact = nick.ToLowerInvariant();
        var baseNick = NickVariants.BaseNick(nick).ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF turns ToLower into SQL lower() on every provider; nicks compare case-insensitively.
        var aliases = await db.PersonAliases.AsNoTracking().Where(a => a.Nick.ToLower() == exact || a.Nick.ToLower() == baseNick)
            .Select(a => new { a.Nick, a.PersonId }).ToListAsync(cancellationToken).ConfigureAwait(false);
#pragma warning restore CA1304, CA1311, CA1862
        var match = aliases.Find(a => string.Equals(a.Nick, nick, StringComparison.OrdinalIgnoreCase)) ?? aliases.FirstOrDefault();
        return match?.PersonId;
    }

    private static NickClaim Add(TrackerDb db, string accountId, int personId, string nick, ClaimStatus status, DateTimeOffset now, string note)
    {
        var claim = new NickClaim
        {
            AccountId = accountId,
            PersonId = personId,
            Nick = nick,
            Status = status,
            VerifiedBy = status == ClaimStatus.Verified ? ClaimVerification.Oidc : null,
            CreatedAt = now,
            DecidedAt = status == ClaimStatus.Verified ? now : null,
            Note = note,
        };
        db.NickClaims.Add(claim);
        return claim;
    }

    private static IEnumerable<string> Tokens(string value)
    {
        if (value.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string?[]>(value)?.OfType<string>().Select(s => s.Trim()) ?? [];
            }
            catch (JsonException)
            {
                // Not JSON after all: read it as a list.
            }
        }

        return value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
