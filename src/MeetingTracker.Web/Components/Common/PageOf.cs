using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Web.Components.Common;

/// <summary>One page of a list, as pages and the API return it.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int DefaultSize = 25;
    public const int MaxSize = 100;

    /// <summary>
    /// A page number or size from a page's query string: a malformed or out-of-range number reads as not given rather
    /// than failing the request (a page's <c>[SupplyParameterFromQuery]</c> of type <c>int?</c> throws on <c>?page=x</c>).
    /// </summary>
    public static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Page numbers start at 1; sizes are kept between 1 and <see cref="MaxSize"/>.</summary>
    public static (int Page, int Size) Normalize(int? page, int? size)
        => (Math.Max(1, page ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));

    /// <summary>Counts <paramref name="query"/> and fetches one page of it (the query must be ordered).</summary>
    public static async Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (p, s) = Normalize(page, size);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((p - 1) * s).Take(s).ToListAsync(cancellationToken);
        return new PageOf<T>(items, p, s, total);
    }
}
