using MeetingTracker.Core.Meetbot.Writing;

namespace MeetingTracker.Core.Tests.Meetbot.Writing;

/// <summary>Expected values are Python's own output: textwrap.TextWrapper subclass with wordsep_re = (\s+), break_long_words=False.</summary>
public sealed class TextWrapTests
{
    [Theory]
    [InlineData("* ACTION: bcotton to add \"push your new image to the git repo\" to the image docs :-)  (bcotton, 12:22:12)", 72, "  ", "    ", "  * ACTION: bcotton to add \"push your new image to the git repo\" to the\n    image docs :-)  (bcotton, 12:22:12)")]
    [InlineData("short", 72, "", "", "short")]
    [InlineData("", 72, "  ", "    ", "")]
    [InlineData("   leading spaces kept on the first line only and wrapped text drops them", 30, "", "  ", "   leading spaces kept on the\n  first line only and wrapped\n  text drops them")]
    [InlineData("a verylongwordthatdoesnotfitanywhereatallbecauseitislongerthanthewidth b", 20, "", "  ", "a\n  verylongwordthatdoesnotfitanywhereatallbecauseitislongerthanthewidth\n  b")]
    [InlineData("tab\there and\ttabs  double  spaces", 20, "", "", "tab     here and\ntabs  double  spaces")]
    [InlineData("\u00fcn\u00efc\u00f6d\u00e9 w\u00f6rds \u00e4r\u00eb c\u00f6\u00fcnt\u00ebd \u00e4s \u00f6ne c\u00f6l\u00fcmn \u00eb\u00e4ch n\u00f6t \u00e4s tw\u00f6 byt\u00ebs", 30, "", "  ", "\u00fcn\u00efc\u00f6d\u00e9 w\u00f6rds \u00e4r\u00eb c\u00f6\u00fcnt\u00ebd \u00e4s\n  \u00f6ne c\u00f6l\u00fcmn \u00eb\u00e4ch n\u00f6t \u00e4s tw\u00f6\n  byt\u00ebs")]
    [InlineData("emoji \U0001f600\U0001f600\U0001f600\U0001f600\U0001f600 count as one column each \U0001f600\U0001f600\U0001f600\U0001f600\U0001f600 here", 24, "", "", "emoji \U0001f600\U0001f600\U0001f600\U0001f600\U0001f600 count as one\ncolumn each \U0001f600\U0001f600\U0001f600\U0001f600\U0001f600 here")]
    [InlineData("\u6f22\u5b57\u304b\u306a\u4ea4\u3058\u308a\u6587 \u306e \u6298\u308a\u8fd4\u3057 \u306f \u7a7a\u767d \u3067\u306e\u307f \u884c\u308f\u308c\u308b \u30c6\u30ad\u30b9\u30c8 \u3067\u3059", 20, "", "  ", "\u6f22\u5b57\u304b\u306a\u4ea4\u3058\u308a\u6587 \u306e \u6298\u308a\u8fd4\u3057 \u306f \u7a7a\u767d\n  \u3067\u306e\u307f \u884c\u308f\u308c\u308b \u30c6\u30ad\u30b9\u30c8 \u3067\u3059")]
    [InlineData("non\u00a0breaking\u00a0space\u00a0is\u00a0whitespace for python", 20, "", "", "non\u00a0breaking\u00a0space\nis\u00a0whitespace for\npython")]
    [InlineData("bold\u0002text and underline\u001fis a separator", 16, "", "", "bold\u0002text and\nunderline\u001fis a\nseparator")]
    [InlineData("line\nbreaks\rbecome spaces", 72, "", "", "line breaks become spaces")]
    [InlineData("word                                                                                  end", 20, "", "", "word\nend")]
    public void Fill_matches_python_textwrap(string text, int width, string initialIndent, string subsequentIndent, string expected)
        => Assert.Equal(expected, TextWrap.Fill(text, width, initialIndent, subsequentIndent));

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("\u00e9t\u00e9", 3)]
    [InlineData("\ud83d\ude00x", 2)]
    public void CodePoints_count_a_surrogate_pair_once(string text, int expected)
        => Assert.Equal(expected, TextWrap.CodePoints(text));

    [Theory]
    [InlineData('\u180e', true)]
    [InlineData('\u001d', true)]
    [InlineData('\u200b', false)]
    [InlineData('\u0002', false)]
    public void IsPythonSpace_follows_python2_unicode_isspace(char c, bool expected)
        => Assert.Equal(expected, TextWrap.IsPythonSpace(c));
}
