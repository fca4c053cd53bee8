using System.Text.RegularExpressions;

namespace AgentPath.Web.Infrastructure.Localization;

/// <summary>
/// How a stored "who did it" reads on a page: the person's name without the login name in brackets
/// ("陈静 (hr)" → "陈静"), and the jobs' actor "system" as the word for it in the reader's language. The
/// stored value stays as it was recorded (evidence); only its display changes. Printed records name the
/// post as well (Records' SignerNames).
/// </summary>
public static partial class SignedBy
{
    public const string System = "system";

    [GeneratedRegex(@"^(?<name>.+?) \((?<login>[^()]+)\)$")]
    private static partial Regex Stored();

    /// <summary>A stored signature split into the name and the login in brackets, or null when it is a bare login.</summary>
    public static (string Name, string Login)? Parse(string signed) =>
        Stored().Match(signed) is { Success: true } m ? (m.Groups["name"].Value, m.Groups["login"].Value) : null;

    public static string Show(string? signed, Microsoft.Extensions.Localization.IStringLocalizer text) =>
        string.IsNullOrEmpty(signed) ? "—"
        : signed == System ? text["the system"].Value
        : Parse(signed)?.Name ?? signed;
}
