namespace MeetingTracker.Core.Meetbot.Html;

/// <summary>
/// Lowercased tag names, as the same string instance for the names meetbot pages use (already lowercase there), so
/// that the readers compare tags cheaply and allocate nothing per tag.
/// </summary>
internal static class HtmlTagNames
{
    public static string Of(ReadOnlySpan<char> name) => KnownName(name) ?? LowerName(name);

    private static string LowerName(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[8];
        return name.Length <= lower.Length && name.ToLowerInvariant(lower) >= 0 && KnownName(lower[..name.Length]) is { } known
            ? known
            : name.ToString().ToLowerInvariant();
    }

    private static string? KnownName(ReadOnlySpan<char> name) => name switch
    {
        "a" => "a",
        "b" => "b",
        "i" => "i",
        "u" => "u",
        "p" => "p",
        "br" => "br",
        "hr" => "hr",
        "li" => "li",
        "ol" => "ol",
        "ul" => "ul",
        "h1" => "h1",
        "h2" => "h2",
        "h3" => "h3",
        "em" => "em",
        "tt" => "tt",
        "pre" => "pre",
        "div" => "div",
        "img" => "img",
        "span" => "span",
        "font" => "font",
        "code" => "code",
        "body" => "body",
        "head" => "head",
        "html" => "html",
        "meta" => "meta",
        "link" => "link",
        "title" => "title",
        "style" => "style",
        "strong" => "strong",
        "script" => "script",
        "textarea" => "textarea",
        _ => null,
    };
}
