using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Accountability;

/// <summary>
/// Every known nick → its person, case-insensitively as IRC compares nicks: each alias as stored, and each alias's
/// base nick (<see cref="NickVariants.BaseNick"/>: <c>bob_</c>, <c>bob[m]</c> → <c>bob</c>) when no alias has it and it
/// is not shared by two people. Looked up with spans, so tokenizing a text allocates only for the few tokens that may
/// carry a decoration.
/// </summary>
public sealed class NickIndex
{
    private readonly Dictionary<string, int> persons;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private NickIndex(Dictionary<string, int> persons)
    {
        this.persons = persons;
        lookup = persons.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => persons.Count;

    /// <param name="aliases">Every alias nick with its person (bots have none: ADR 12).</param>
    public static NickIndex Build(IEnumerable<(string Nick, int PersonId)> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var persons = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var list = aliases.Where(a => a.Nick.Length > 0).ToList();
        foreach (var (nick, person) in list) persons.TryAdd(nick, person);

        var bases = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (nick, person) in list)
        {
            var baseNick = NickVariants.BaseNick(nick);
            if (baseNick.Length < 2 || persons.ContainsKey(baseNick)) continue;
            bases[baseNick] = bases.TryGetValue(baseNick, out var other) && other != person ? null : person;
        }

        foreach (var (baseNick, person) in bases)
        {
            if (person is { } id) persons[baseNick] = id;
        }

        return new NickIndex(persons);
    }

    /// <summary>
    /// The person a word written in a text names: the word as an alias or base nick, else its base nick
    /// (<c>zhangwei_</c> names zhangwei), else the word without IRC nick punctuation around it (<c>[bob]</c>).
    /// </summary>
    public int? Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return null;
        if (lookup.TryGetValue(word, out var person)) return person;
        if (word.IndexOfAny(Decorations) >= 0 && persons.TryGetValue(NickVariants.BaseNick(word.ToString()), out person)) return person;
        var trimmed = word.Trim(Surrounding);
        if (trimmed.Length == word.Length || trimmed.IsEmpty) return null;
        if (lookup.TryGetValue(trimmed, out person)) return person;
        return trimmed.IndexOfAny(Decorations) >= 0 && persons.TryGetValue(NickVariants.BaseNick(trimmed.ToString()), out person) ? person : null;
    }

    // What NickVariants.BaseNick strips: trailing _ ` ^, |away, [m].
    private const string Decorations = "_`^|[";

    private const string Surrounding = "-[]{}|`^\\";
}
