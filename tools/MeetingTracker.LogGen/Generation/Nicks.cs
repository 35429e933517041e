namespace MeetingTracker.LogGen.Generation;

/// <summary>
/// Invented IRC nicks: mixed case, digits, one short nick inside a longer one (MeetBot 0.1.4's substring
/// attribution credits both), and the away/bridge variants people wear on some days (<c>nick_</c>, <c>nick|away</c>,
/// <c>nick[m]</c>) which make MeetBot lose track of who an action belongs to.
/// </summary>
internal static class Nicks
{
    public static readonly string[] Pool =
    [
        "mkowalski", "jrivera", "sanjay", "tkimura", "lfaure", "DaveM", "ozzy", "petra_k", "q3n", "bex", "ngomez",
        "Elif", "r0ss", "wenjun", "kbaker", "amara", "lina", "jo", "jordan", "hsato", "mira", "Bjorn", "achen",
        "vkumar", "delphine", "tomasz", "kaylee", "rgarcia", "nadia", "Yusuf", "pmiller", "iris", "fkeller", "ravi",
        "sofia_m", "gdubois", "emre", "ana-luisa", "jwhite", "Priya", "zhangwei", "olek", "marta", "cpotter",
        "ntesla", "hugo", "ines", "kwame", "lars", "svetlana",
    ];

    /// <summary>The nick a person uses today: usually the plain one, sometimes an away or bridge variant.</summary>
    public static string Today(Random rng, string nick)
    {
        var roll = rng.NextDouble();
        return roll switch
        {
            < 0.04 => nick + "_",
            < 0.06 => nick + "|away",
            < 0.09 => nick + "[m]",
            _ => nick,
        };
    }
}
