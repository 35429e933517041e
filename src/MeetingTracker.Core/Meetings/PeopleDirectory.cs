using MeetingTracker.Core.Meetbot;
using MeetingTracker.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MeetingTracker.Core.Meetings;

/// <summary>
/// Nick → person, for one harvest run. A nick is looked up exactly, then by its base nick (<c>bob_</c>, <c>bob[m]</c>,
/// <c>@bob:fedora.im</c> → <c>bob</c>), case-insensitively as IRC servers compare nicks; an unknown nick makes a new
/// person with its base nick as name. Bots are never asked for (<see cref="MeetingWriter"/> leaves them out, ADR 12).
/// New people are added to the caller's context and become known once <see cref="Commit"/> says their transaction was
/// saved; aliases <see cref="Forget"/>-ten in a transaction are dropped then too.
/// </summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<string, Person> known;
    private readonly Dictionary<string, Person> pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> forgotten = new(StringComparer.OrdinalIgnoreCase);

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
        pending.Clear();
        forgotten.Clear();
        known.Clear();
        foreach (var a in aliases)
        {
            known.TryAdd(a.Nick, a.Person!);
        }
    }

    /// <summary>The person a nick belongs to (new people are added to <paramref name="db"/>); null for an empty nick.</summary>
    public Person? Resolve(TrackerDb db, string nick)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(nick);
        if (nick.Length == 0) return null;
        if (Find(nick) is { } exact) return Attach(db, exact);

        var baseNick = NickVariants.BaseNick(nick);
        var person = Find(baseNick);
        if (person is null)
        {
            person = new Person { Name = baseNick };
            db.People.Add(person);
            AddAlias(db, person, baseNick);
        }
        else
        {
            person = Attach(db, person);
        }

        if (!string.Equals(baseNick, nick, StringComparison.OrdinalIgnoreCase)) AddAlias(db, person, nick);
        return person;
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
        pending.Clear();
        forgotten.Clear();
    }

    /// <summary>The transaction was rolled back: forget what it added and removed.</summary>
    public void Discard()
    {
        pending.Clear();
        forgotten.Clear();
    }

    private Person? Find(string nick) => pending.TryGetValue(nick, out var p) ? p : known.GetValueOrDefault(nick);

    private void AddAlias(TrackerDb db, Person person, string nick)
    {
        db.PersonAliases.Add(new PersonAlias { Nick = nick, Person = person });
        pending[nick] = person;
    }

    // People loaded earlier are detached: attach a stub by id so navigation fixes up without an UPDATE.
    private static Person Attach(TrackerDb db, Person person)
    {
        if (person.Id == 0) return person;
        var tracked = db.People.Local.FirstOrDefault(p => p.Id == person.Id);
        if (tracked is not null) return tracked;
        var stub = new Person { Id = person.Id, Name = person.Name };
        db.People.Attach(stub);
        return stub;
    }
}
