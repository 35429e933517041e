namespace MeetingTracker.Web.Accounts;

/// <summary><c>MeetingTracker:Authentication:Oidc</c>: sign in with an OpenID Connect provider when <see cref="Authority"/> is set.</summary>
public sealed class OidcOptions
{
    public const string Section = "MeetingTracker:Authentication:Oidc";

    /// <summary>The provider's issuer (its <c>.well-known/openid-configuration</c> is read from there); empty: no OIDC.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the button ("Sign in with …").</summary>
    public string DisplayName { get; set; } = "OpenID Connect";

    /// <summary>The claim that lists the user's chat nicks (each one that is a person of the logs is claimed); empty: none.</summary>
    public string? NickClaim { get; set; }

    /// <summary>Scopes asked besides <c>openid profile email</c> (a provider may need one to release the nick claim).</summary>
    public List<string> Scopes { get; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
