namespace MeetingTracker.Core.Accountability.Events;

/// <summary>Someone an action or idea is given to by the site: an account (took it, championed it) or a nick (a chair named them).</summary>
public sealed record OwnerRef(string? AccountId, string? Nick);

/// <summary>An offer of help: who, when, with what.</summary>
public sealed record HelpOffer(string AccountId, DateTimeOffset At, string? Note);

/// <summary>
/// What people said about one action chain, folded from its events oldest first, skipping undone ones (an undo
/// refolds, nothing is erased). Independent of the logs: <see cref="ActionStanding"/> lays it over the chain.
/// </summary>
/// <param name="State">The newest state people set; null when nobody set one.</param>
/// <param name="Owners">Who owns it since someone took it, was given it, or released it (empty: up for grabs); null when the logs' owners stand.</param>
/// <param name="EarlierOwners">Owners the site replaced, oldest first (the logs' owners are implied when <see cref="Owners"/> is set).</param>
/// <param name="Events">Every event, undone ones and undos included, oldest first.</param>
public sealed record ActionRecord(
    ActionState? State,
    DateTimeOffset? StateAt,
    DateOnly? DueDate,
    IReadOnlyList<OwnerRef>? Owners,
    IReadOnlyList<OwnerRef> EarlierOwners,
    IReadOnlyList<HelpOffer> Offers,
    IReadOnlyList<AccountabilityEvent> Events)
{
    public static readonly ActionRecord Empty = new(null, null, null, null, [], [], []);

    public DateTimeOffset? LastAt => Events.Count == 0 ? null : Events[^1].At;

    /// <summary>The record of <paramref name="events"/> (one chain's, in id order).</summary>
    public static ActionRecord Fold(IReadOnlyList<AccountabilityEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var undone = Undone(events);
        ActionState? state = null;
        DateTimeOffset? stateAt = null;
        DateOnly? due = null;
        List<OwnerRef>? owners = null;
        var earlier = new List<OwnerRef>();
        var offers = new List<HelpOffer>();
        void Replace(OwnerRef? by)
        {
            if (owners is not null) earlier.AddRange(owners.Where(o => !earlier.Contains(o)));
            owners = by is null ? [] : [by];
        }

        foreach (var e in events)
        {
            if (e.Kind == EventKind.Undo || undone.Contains(e.Id)) continue;
            switch (e.Kind)
            {
                case EventKind.State when ActionStates.Parse(e.To) is { } to:
                    (state, stateAt) = (to, e.At);
                    if (to == ActionState.NoTime) Replace(null);
                    break;
                case EventKind.Take:
                    Replace(new OwnerRef(e.AccountId, null));
                    if (ActionStates.Parse(e.To) is { } taken) (state, stateAt) = (taken, e.At);
                    break;
                case EventKind.Reassign when e.Nick is not null:
                    Replace(new OwnerRef(null, e.Nick));
                    if (ActionStates.Parse(e.To) is { } given) (state, stateAt) = (given, e.At);
                    break;
                case EventKind.Due:
                    due = e.DueDate;
                    break;
                case EventKind.Offer:
                    offers.Add(new HelpOffer(e.AccountId, e.At, e.Note));
                    break;
            }
        }

        return new ActionRecord(state, stateAt, due, owners, earlier, offers, [.. events]);
    }

    /// <summary>The ids the events' undos name.</summary>
    internal static HashSet<long> Undone(IReadOnlyList<AccountabilityEvent> events)
        => [.. events.Where(e => e.Kind == EventKind.Undo && e.Undoes is not null).Select(e => e.Undoes!.Value)];
}

/// <summary>What people said about one idea: its state, champion and implementation links, folded as <see cref="ActionRecord"/> is.</summary>
public sealed record IdeaRecord(IdeaState? State, DateTimeOffset? StateAt, OwnerRef? Champion, IReadOnlyList<string> Links, IReadOnlyList<AccountabilityEvent> Events)
{
    public static readonly IdeaRecord Empty = new(null, null, null, [], []);

    public static IdeaRecord Fold(IReadOnlyList<AccountabilityEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var undone = ActionRecord.Undone(events);
        IdeaState? state = null;
        DateTimeOffset? stateAt = null;
        OwnerRef? champion = null;
        var links = new List<string>();
        foreach (var e in events)
        {
            if (e.Kind == EventKind.Undo || undone.Contains(e.Id)) continue;
            if (e.Kind == EventKind.State && IdeaStates.Parse(e.To) is { } to) (state, stateAt) = (to, e.At);
            if (e.Kind == EventKind.Champion) champion = e.Nick is null ? new OwnerRef(e.AccountId, null) : new OwnerRef(null, e.Nick);
            if (e.Link is not null && e.Kind is EventKind.Link or EventKind.State && !links.Contains(e.Link, StringComparer.Ordinal)) links.Add(e.Link);
        }

        return new IdeaRecord(state, stateAt, champion, links, [.. events]);
    }
}
