using System.Globalization;
using System.Text.RegularExpressions;
using MeetingTracker.Core.Meetbot;

namespace MeetingTracker.Core.Tests.Meetbot.Replay;

/// <summary>
/// <see cref="MeetingFileName.TryParse"/> reads ASCII names by hand (it runs once per file read); these are the names
/// where the regex it replaced needs care: several stamps, an extension inside the name, an empty name, bad dates.
/// </summary>
public sealed partial class FileNameScanTests
{
    [GeneratedRegex(@"^(?<name>.+)[.-](?<date>\d{4}-\d{2}-\d{2})-(?<hh>\d{2})\.(?<mm>\d{2})(?<ext>\.log\.txt|\.log\.html|\.moin\.txt|\.mw\.txt|\.summary\.md|\.txt|\.html)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [Theory]
    [InlineData("a.2020-01-01-10.00.2020-01-01-11.00.log.txt")]
    [InlineData("a.2020-01-01-10.00.log.txt.2020-01-02-10.00")]
    [InlineData("a.2020-01-01-10.00.txt.2020-01-02-10.00.html")]
    [InlineData("x-2020-01-01-10.00.summary.md")]
    [InlineData("x-2020-01-01-10.00.mw.txt")]
    [InlineData("x.2020-01-01-10.00.moin.txt")]
    [InlineData(".2020-01-01-10.00.txt")]
    [InlineData("..2020-01-01-10.00.txt")]
    [InlineData("a.2020-02-30-10.00.txt")]
    [InlineData("a.0000-01-01-10.00.txt")]
    [InlineData("a.2024-02-29-23.59")]
    [InlineData("a.2020-01-01-10.00.LOG.TXT")]
    [InlineData("a.2020-01-01-10.00.log.htm")]
    [InlineData("a 2020-01-01-10.00.txt")]
    [InlineData("a.2020-1-01-10.00.txt")]
    [InlineData("design_(2026-09-03).2026-09-03-14.02.log.txt")]
    public void Agrees_with_the_pattern(string fileName)
    {
        var parsed = MeetingFileName.TryParse(fileName);
        var m = Reference().Match(fileName);
        var valid = m.Success
            && DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && int.Parse(m.Groups["hh"].Value, CultureInfo.InvariantCulture) <= 23 && int.Parse(m.Groups["mm"].Value, CultureInfo.InvariantCulture) <= 59;

        Assert.Equal(valid, parsed is not null);
        if (parsed is not null)
        {
            Assert.Equal(m.Groups["name"].Value, parsed.Name);
            Assert.Equal(m.Groups["date"].Value, parsed.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(m.Groups["ext"].Value, parsed.Extension);
            Assert.Equal($"{m.Groups["hh"].Value}.{m.Groups["mm"].Value}", string.Create(CultureInfo.InvariantCulture, $"{parsed.Hour:00}.{parsed.Minute:00}"));
        }
    }

    [Theory]
    [InlineData("a.2020-01-01-10.00.LOG.TXT", MeetbotFormat.LogTxt)]
    [InlineData("A.HTM", MeetbotFormat.MinutesHtml)]
    [InlineData("x.mo\u0131n.txt", MeetbotFormat.MinutesTxt)]
    [InlineData("x.MOIN.TXT", MeetbotFormat.Moin)]
    [InlineData("x.mw.txt", null)]
    public void Extensions_ignore_ascii_case_only(string fileName, MeetbotFormat? expected)
        => Assert.Equal(expected, MeetingFileName.FormatOfExtension(fileName));
}
