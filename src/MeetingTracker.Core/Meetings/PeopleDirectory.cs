using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Meetings;

/// <summary>
/// Nick → person, for one harvest run. A nick is looked up exactly, then by its base nick (<c>bob_</c>, <c>bob[m]</c>,
/// <c>@bob:fedora.im</c> → <c>bob</c>), case-insensitively as IRC servers compare nicks; an unknown nick makes a new
/// person with its base nick as name. Bots are never asked for (<see cref="MeetingWriter"/> leaves them out, ADR 12).
/// New people and aliases wait in the directory until <see cref="SaveNewAsync"/> inserts them in the caller's
/// transaction, and become known once <see cref="Commit"/> says it committed; aliases <see cref="Forget"/>-ten in a
/// transaction are dropped then too.
/// </summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<string, Person> known;
    private readonly Dictionary<string, Person> pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> forgotten = new(StringComparer.OrdinalIgnoreCase);

    // Added since the last commit or discard, in order; those before the marks are inserted already.
    private readonly List<Person> newPeople = [];
    private readonly List<PersonAlias> newAliases = [];
    private int peopleSaved;
    private int aliasesSaved;

    private PeopleDirectory(Dictionary<string, Person> known) => this.known = known;

    public static async Task<PeopleDirectory> LoadAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        var directory = new PeopleDirectory(new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase));
        await directory.ReloadAsync(db, cancellationToken);
        return directory;
    }

    /// <summary>Forgets everything and reads the alias table again (another harvest may have added to it).</summary>
    public async Task ReloadAsync(TrackerDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var aliases = await db.PersonAliases.AsNoTracking().Include(a => a.Person).ToListAsync(cancellationToken);
        Discard();
        known.Clear();
        foreach (var a in aliases)
        {
            known.TryAdd(a.Nick, a.Person!);
        }
    }

    /// <summary>
    /// The person a nick belongs to; null for an empty nick. A new person has no id until <see cref="SaveNewAsync"/>.
    /// </summary>
    public Person? Resolve(string nick)
    {
        ArgumentNullException.ThrowIfNull(nick);
        if (nick.Length == 0) return null;
        if (Find(nick) is { } exact) return exact;

        var baseNick = NickVariants.BaseNick(nick);
        var person = Find(baseNick);
        if (person is null)
        {
            person = new Person { Name = baseNick };
            newPeople.Add(person);
            AddAlias(person, baseNick);
        }

        if (!string.Equals(baseNick, nick, StringComparison.OrdinalIgnoreCase)) AddAlias(person, nick);
        return person;
    }

    /// <summary>Inserts the people and aliases resolved since the last save, in the caller's transaction; people get their ids.</summary>
    internal async Task SaveNewAsync(RowInserts rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (; peopleSaved < newPeople.Count; peopleSaved++) await rows.InsertAsync(newPeople[peopleSaved], readKey: true, cancellationToken);
        for (; aliasesSaved < newAliases.Count; aliasesSaved++)
        {
            var alias = newAliases[aliasesSaved];
            alias.PersonId = alias.Person!.Id;
            await rows.InsertAsync(alias, readKey: false, cancellationToken);
        }
    }

    /// <summary>True when the stored alias table has this nick (any case).</summary>
    public bool Knows(string nick) => known.ContainsKey(nick);

    /// <summary>The caller's transaction deletes this nick's alias: once it commits, the nick is unknown again.</summary>
    public void Forget(string nick) => forgotten.Add(nick);

    /// <summary>The pending people and aliases were saved (and forgotten ones deleted): keep that for the rest of the run.</summary>
    public void Commit()
    {
        foreach (var nick in forgotten) known.Remove(nick);
        foreach (var (nick, person) in pending) known[nick] = person;
        Discard();
    }

    /// <summary>The transaction was rolled back: forget what it added and removed.</summary>
    public void Discard()
    {
        pending.Clear();
        forgotten.Clear();
        newPeople.Clear();
        newAliases.Clear();
        peopleSaved = aliasesSaved = 0;
    }

    private Person? Find(string nick) => pending.TryGetValue(nick, out var p) ? p : known.GetValueOrDefault(nick);

    private void AddAlias(Person person, string nick)
    {
        newAliases.Add(new PersonAlias { Nick = nick, Person = person });
        pending[nick] = person;
    }
}
