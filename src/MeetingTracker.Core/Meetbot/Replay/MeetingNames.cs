using System.Globalization;
using System.Text;

namespace MeetingTracker.Core.Meetbot.Replay;

/// <summary>How each dialect turns <c>#meetingname</c> (or the <c>#startmeeting</c> text) into the name used in file names.</summary>
internal static class MeetingNames
{
    /// <summary>The normalized name, or null when nothing is left.</summary>
    public static string? Normalize(string text, MeetbotDialect dialect)
    {
        var name = dialect switch
        {
            MeetbotDialect.Matrix => Slugify(text),
            MeetbotDialect.OpenStack => OpenStackSanitize(JoinWords(text)),
            _ => JoinWords(text),
        };

        // Every Darst-derived writer drops "/" when it builds the file name.
        name = name.Replace("/", string.Empty, StringComparison.Ordinal);
        return name.Length == 0 ? null : name;
    }

    // Python: "_".join(text.lower().split())
    private static string JoinWords(string text) =>
        string.Join('_', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // OpenStack: re.sub(r'[^a-z0-9]', '_', name)
    private static string OpenStackSanitize(string name) =>
        string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '_';
            }
        });

    // python-slugify as the Matrix bot uses it: ASCII-folded, lowercase, runs of anything else become "-".
    private static string Slugify(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        return sb.ToString();
    }
}
