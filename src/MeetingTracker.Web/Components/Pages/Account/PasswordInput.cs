using System.ComponentModel.DataAnnotations;

namespace MeetingTracker.Web.Components.Pages.Account;

/// <summary>A new password, typed twice (reset and change forms).</summary>
internal class PasswordInput
{
    [Required, StringLength(200, MinimumLength = 10)]
    public string Password { get; set; } = "";

    [Required, Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string Confirm { get; set; } = "";
}
