using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MeetingTracker.Web.Accounts;

/// <summary>Identity's tokens travel in links base64url-encoded; a code that does not decode is simply invalid.</summary>
public static class AccountCodes
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
