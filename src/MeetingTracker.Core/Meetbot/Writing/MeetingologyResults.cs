namespace MeetingTracker.Core.Meetbot.Writing;

/// <summary>The sentence meetingology's moin "Vote results" prints for a vote (<see cref="VoteRecord.ResultsStatement"/>).</summary>
public static class MeetingologyResults
{
    /// <summary>
    /// Up to 2020 the writer computed it itself, with a bug: "Motion carried" when for exceeds abstained, else
    /// "Motion denied" when for is below against, else "Deadlock" (so it can contradict the bot's own announcement).
    /// </summary>
    public static string Middle(int @for, int against, int abstained)
        => @for > abstained ? "Motion carried" : @for < against ? "Motion denied" : "Deadlock";

    /// <summary>0.4.0 prints the outcome the bot announced at <c>#endvote</c>.</summary>
    public static string New(string? outcome)
        => string.Equals(outcome, VoteOutcomes.Carried, StringComparison.Ordinal) ? "Motion carried" : "Motion denied";

    /// <summary>The statement of <paramref name="era"/>'s results section; null for the early "Votes" section, which prints none.</summary>
    public static string? For(MeetingologyEra era, string outcome, int @for, int against, int abstained) => era switch
    {
        MeetingologyEra.Early => null,
        MeetingologyEra.Middle => Middle(@for, against, abstained),
        _ => New(outcome),
    };
}
