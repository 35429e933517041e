namespace MeetingTracker.Core.Meetbot.Minutes;

/// <summary>The item type labels MeetBot and its forks print (<c>ACTION</c>, <c>AGREED</c>, …) and their kinds.</summary>
internal static class ItemKinds
{
    private static readonly Dictionary<string, ItemKind> ByLabel = new(StringComparer.Ordinal)
    {
        ["INFO"] = ItemKind.Info,
        ["IDEA"] = ItemKind.Idea,
        ["ACTION"] = ItemKind.Action,
        ["AGREED"] = ItemKind.Agreed,
        ["ACCEPTED"] = ItemKind.Accepted,
        ["REJECTED"] = ItemKind.Rejected,
        ["LINK"] = ItemKind.Link,
        ["HELP"] = ItemKind.Help,
        ["VOTE"] = ItemKind.Vote,
        ["DONE"] = ItemKind.Done,
        ["SUBTOPIC"] = ItemKind.Subtopic,
    };

    private static readonly Dictionary<string, ItemKind>.AlternateLookup<ReadOnlySpan<char>> SpanLookup = ByLabel.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The kind of an exact uppercase label; false for anything else (an INFO may start with "FOO:").</summary>
    public static bool TryParse(ReadOnlySpan<char> label, out ItemKind kind) => SpanLookup.TryGetValue(label, out kind);

    /// <summary>The label's own constant string (no allocation), when it is one of MeetBot's.</summary>
    public static bool TryLabel(ReadOnlySpan<char> label, out string constant)
    {
        var ok = SpanLookup.TryGetValue(label, out var found, out _);
        constant = ok ? found! : string.Empty;
        return ok;
    }

    /// <summary>Splits <c>TYPE: text</c> when TYPE is a known label; otherwise the whole text is an INFO.</summary>
    public static (ItemKind Kind, string Text) SplitLabel(string text, bool allowInfoLabel = true)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && TryParse(text.AsSpan(0, colon), out var kind) && (allowInfoLabel || kind != ItemKind.Info))
        {
            return (kind, text[(colon + 2)..]);
        }

        return (ItemKind.Info, text);
    }
}
