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
    /// <summary>The Lucene document: text analysed; identifiers exact; meeting, team, person and year as doc values for counts.</summary>
    internal Document ToDocument()
    {
        var doc = new Document
        {
            new TextField(SearchFields.Text, Text, Field.Store.YES),
            new StringField(SearchFields.Meeting, MeetingId.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new NumericDocValuesField(SearchFields.Meeting, MeetingId),
            new StoredField(SearchFields.MeetingKey, MeetingKey),
            new StringField(SearchFields.Team, Team, Field.Store.YES),
            new SortedDocValuesField(SearchFields.Team, new BytesRef(Team)),
            new StringField(SearchFields.Kind, Kind, Field.Store.YES),
            new StringField(SearchFields.Nick, Nick.ToLowerInvariant(), Field.Store.NO),
            new StoredField(SearchFields.Nick + "_raw", Nick),
            new Int64Field(SearchFields.Time, Time.UtcTicks, Field.Store.YES),
            new NumericDocValuesField(SearchFields.Time, Time.UtcTicks),
            new NumericDocValuesField(SearchFields.Year, Time.Year),
            new NumericDocValuesField(SearchFields.Person, PersonId ?? -1),
        };
        if (Channel is { Length: > 0 } channel) doc.Add(new StringField(SearchFields.Channel, channel.TrimStart('#').ToLowerInvariant(), Field.Store.YES));
        if (PersonId is { } person) doc.Add(new StringField(SearchFields.Person, person.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        if (Line is { } line) doc.Add(new StoredField(SearchFields.Line, line));
        return doc;
    }
}
