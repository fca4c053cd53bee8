using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web;

/// <summary>
/// The confirmation after an action that changes something: a page handler that saves and redirects
/// (post/redirect/get) leaves one sentence in TempData, and the layout shows it once on the page it
/// lands on, as <c>role="status"</c>, so nobody wonders whether the click worked. A page that already
/// shows its own confirmation for a save does not set this one too (one status per save).
/// </summary>
public static class StatusMessage
{
    public const string Key = "agentpath:status";

    /// <summary>Shown once, at the top of the next page.</summary>
    public static void Confirm(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    /// <summary>Shown once, at the top of the next page, in the user's language.</summary>
    public static void Confirm(this ITempDataDictionary tempData, LocalizedString message) => tempData[Key] = message.Value;
}
