namespace MeetingTracker.Core.Meetbot;

/// <summary>
/// One message of a meeting log. <see cref="Number"/> is 1-based and equals the <c>l-N</c> anchor of
/// <c>.log.html</c>. <see cref="Text"/> is the message exactly as MeetBot stored it (IRC control codes kept,
/// so that a writer can reproduce the file); use <see cref="IrcText.Clean"/> for display and search.
/// </summary>
/// <param name="Number">1-based line number (anchor <c>l-N</c>).</param>
/// <param name="Time">UTC time, with the date from the file name rolled over at midnight.</param>
/// <param name="Nick">The speaker, without <c>&lt;&gt;</c>; for Matrix the full Matrix ID.</param>
/// <param name="Text">The message text after the nick.</param>
/// <param name="IsEmote">True for <c>* nick text</c> lines (<c>/me</c>, or MeetBot's literal ACTION rule).</param>
public sealed record LogLine(int Number, DateTimeOffset Time, string Nick, string Text, bool IsEmote = false);
