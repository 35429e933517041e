using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Cli.Output;

/// <summary>
/// Writes the <c>parse</c> contract. Written by hand with <see cref="Utf8JsonWriter"/> so the key order, the nulls
/// and the two shapes (ok / error) are exactly the documented ones. Text is cleaned of IRC control codes.
/// </summary>
internal static class ParseJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, IEnumerable<(string File, ReadResult Result)> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var (file, result) in results)
            {
                WriteOne(json, file, result);
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteOne(Utf8JsonWriter json, string file, ReadResult result)
    {
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteBoolean("ok", result.Ok);
        if (result.Meeting is not { } m)
        {
            json.WriteString("error", result.Error);
            json.WriteEndObject();
            return;
        }

        json.WriteString("format", ContractNames.Of(m.Format));
        json.WriteString("dialect", ContractNames.Of(m.Dialect));
        json.WriteString("meetingKey", m.MeetingKey);
        json.WriteString("channel", m.Channel);
        json.WriteString("title", m.Title is null ? null : IrcText.Clean(m.Title));
        WriteTime(json, "startedAt", m.StartedAt);
        WriteTime(json, "endedAt", m.EndedAt);
        json.WriteString("startedBy", m.StartedBy);
        WriteStrings(json, "chairs", m.Chairs);
        if (m.LineCount is { } count) json.WriteNumber("lineCount", count);
        else json.WriteNull("lineCount");

        json.WriteStartArray("topics");
        foreach (var t in m.Topics)
        {
            json.WriteStartObject();
            json.WriteString("title", IrcText.Clean(t.Title));
            json.WriteString("nick", t.Nick);
            WriteTime(json, "time", t.Time);
            WriteInt(json, "line", t.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("items");
        foreach (var i in m.Items)
        {
            json.WriteStartObject();
            json.WriteString("kind", i.Kind.ToString().ToLowerInvariant());
            json.WriteString("text", IrcText.Clean(i.Text));
            json.WriteString("nick", i.Nick);
            WriteTime(json, "time", i.Time);
            WriteInt(json, "line", i.Line);
            WriteInt(json, "topic", i.TopicIndex);
            WriteStrings(json, "assignees", i.Assignees);
            if (i.Vote is { } vote)
            {
                WriteVote(json, vote);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("people");
        foreach (var p in m.People)
        {
            json.WriteStartObject();
            json.WriteString("nick", p.Nick);
            json.WriteNumber("lines", p.Lines);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "warnings", m.Warnings);
        json.WriteEndObject();
    }

    // "vote": { "question", "outcome", "for", "against", "abstained", "voters": [...] }, on vote items only.
    private static void WriteVote(Utf8JsonWriter json, VoteRecord vote)
    {
        json.WriteStartObject("vote");
        json.WriteString("question", IrcText.Clean(vote.Question));
        json.WriteString("outcome", vote.Outcome);
        WriteInt(json, "for", vote.For);
        WriteInt(json, "against", vote.Against);
        WriteInt(json, "abstained", vote.Abstained);
        WriteStrings(json, "voters", vote.Voters);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t) json.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        else json.WriteNull(name);
    }

    private static void WriteInt(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }
}
