using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace MeetingTracker.Core.Search;

/// <summary>One searchable thing: a log line, a topic or a minutes item, with where and when it was said.</summary>
public sealed record SearchEntry(
    int MeetingId,
    string MeetingKey,
    string Team,
    string? Channel,
    string Kind,
    string Nick,
    int? PersonId,
    DateTimeOffset Time,
    int? Line,
    string Text)
{
    /// <summary>The title of the topic it was said under (for a topic, its own); null before the first topic.</summary>
    public string? Topic { get; init; }
}

/// <summary>
/// One reusable Lucene document (Lucene's advice for bulk indexing): its fields are refilled for each entry, which
/// spares building token streams and attributes per field per document (that was most of the indexing time).
/// Text is analysed; identifiers exact; meeting and person, team and time also as doc values for sorting and counts.
/// Not thread-safe: one per indexing thread.
/// </summary>
internal sealed class SearchDocument
{
    public const int NoLine = -1;

    private readonly TextField text = new(SearchFields.Text, string.Empty, Field.Store.YES);
    private readonly StringField meeting = new(SearchFields.Meeting, string.Empty, Field.Store.YES);
    private readonly NumericDocValuesField meetingPerson = new(SearchFields.MeetingPerson, 0);
    private readonly StoredField key = new(SearchFields.MeetingKey, string.Empty);
    private readonly StringField team = new(SearchFields.Team, string.Empty, Field.Store.YES);
    private readonly SortedDocValuesField teamValue = new(SearchFields.Team, new BytesRef());
    private readonly StringField kind = new(SearchFields.Kind, string.Empty, Field.Store.YES);
    private readonly StringField nick = new(SearchFields.Nick, string.Empty, Field.Store.NO);
    private readonly StoredField nickRaw = new(SearchFields.Nick + "_raw", string.Empty);
    private readonly StoredField time = new(SearchFields.Time, 0L);
    private readonly NumericDocValuesField timeValue = new(SearchFields.Time, 0);
    private readonly StringField day = new(SearchFields.Day, string.Empty, Field.Store.NO);
    private readonly StringField person = new(SearchFields.Person, string.Empty, Field.Store.NO);
    private readonly StringField channel = new(SearchFields.Channel, string.Empty, Field.Store.NO);
    private readonly StoredField line = new(SearchFields.Line, NoLine);
    private readonly TextField topic = new(SearchFields.Topic, string.Empty, Field.Store.YES);

    public SearchDocument()
    {
        Document = [text, meeting, meetingPerson, key, team, teamValue, kind, nick, nickRaw, time, timeValue, day, person, channel, line, topic];
    }

    public Document Document { get; }

    public Document Fill(SearchEntry entry)
    {
        text.SetStringValue(entry.Text);
        meeting.SetStringValue(entry.MeetingId.ToString(CultureInfo.InvariantCulture));
        meetingPerson.SetInt64Value(Pack(entry.MeetingId, entry.PersonId));
        key.SetStringValue(entry.MeetingKey);
        team.SetStringValue(entry.Team);
        teamValue.SetBytesValue(new BytesRef(entry.Team));
        kind.SetStringValue(entry.Kind);
        nick.SetStringValue(entry.Nick.ToLowerInvariant());
        nickRaw.SetStringValue(entry.Nick);
        time.SetInt64Value(entry.Time.UtcTicks);
        timeValue.SetInt64Value(entry.Time.UtcTicks);
        day.SetStringValue(entry.Time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        person.SetStringValue(entry.PersonId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        channel.SetStringValue(entry.Channel?.TrimStart('#').ToLowerInvariant() ?? string.Empty);
        line.SetInt32Value(entry.Line ?? NoLine);
        topic.SetStringValue(entry.Topic ?? string.Empty);
        return Document;
    }

    /// <summary>Meeting and person in one doc value: Lucene.Net measures memory on every numeric doc value it adds.</summary>
    public static long Pack(int meetingId, int? personId) => ((long)meetingId << 32) | (uint)(personId ?? -1);

    public static (int MeetingId, int? PersonId) Unpack(long value)
    {
        var person = unchecked((int)(value & 0xFFFFFFFF));
        return ((int)(value >> 32), person < 0 ? null : person);
    }
}
