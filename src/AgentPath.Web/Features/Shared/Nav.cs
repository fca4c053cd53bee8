using System.Security.Claims;
using AgentPath.Web.Features.People;

namespace AgentPath.Web.Features.Shared;

/// <summary>The header navigation for the signed-in user's roles: an agent sees their own training, a lead their team, an admin everything.</summary>
public static class Nav
{
    public sealed record Item(string Href, string TextKey);

    /// <summary>The one item the current path belongs to: the longest href that is a prefix of it.</summary>
    public static Item? Current(IEnumerable<Item> items, string path) =>
        items.Where(i => i.Href == "/" ? path == "/" : path.Equals(i.Href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(i.Href + "/", StringComparison.OrdinalIgnoreCase))
            .MaxBy(i => i.Href.Length);

    /// <summary>What the directory is called for this user: People, My department or My team.</summary>
    /// <summary>Whether the header search for people is shown: every role that reads others' records (Results.Read), not an agent alone.</summary>
    public static bool SeesPeople(ClaimsPrincipal user) =>
        user.IsInRole(Roles.TeamLead) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.DepartmentManager) || user.IsInRole(Roles.Trainer)
        || user.IsInRole(Roles.QaInspector) || user.IsInRole(Roles.Hr) || user.IsInRole(Roles.GeneralManager) || user.IsInRole(Roles.SystemAdmin);

    public static string DirectoryKey(ClaimsPrincipal user) =>
        For(user).FirstOrDefault(i => i.Href == "/people")?.TextKey ?? "People";

    public static IReadOnlyList<Item> For(ClaimsPrincipal user)
    {
        var items = new List<Item> { new("/", "Home") };
        bool Is(params string[] roles) => roles.Any(user.IsInRole);
        if (user.HasClaim(c => c.Type == DataScopeProvider.EmployeeIdClaim))
        {
            items.Add(new("/people/me", Is(Roles.Agent) && !Is(Roles.TeamLead) ? "My training" : "My profile"));
        }

        items.Add(new("/exams", user.HasClaim(c => c.Type == DataScopeProvider.EmployeeIdClaim) && !Is(Roles.Trainer) ? "My exams" : "Exams"));
        items.Add(new("/points", "Performance points"));
        items.Add(new("/quality", Is(Roles.QaInspector, Roles.TeamLead, Roles.Supervisor, Roles.DepartmentManager, Roles.Trainer, Roles.Hr, Roles.GeneralManager, Roles.SystemAdmin)
            ? "Quality" : "My QA evaluations"));
        if (Is(Roles.TeamLead, Roles.Supervisor, Roles.Trainer, Roles.QaInspector, Roles.Hr, Roles.DepartmentManager, Roles.GeneralManager, Roles.SystemAdmin))
        {
            items.Add(new("/plans", "Training plans"));
        }
        else if (user.HasClaim(c => c.Type == DataScopeProvider.EmployeeIdClaim))
        {
            items.Add(new("/plans/mine", "Training tasks"));
        }
        if (Is(Roles.Trainer, Roles.SystemAdmin))
        {
            items.Add(new("/question-bank", "Question bank"));
        }

        items.Add(new("/training/sessions", "Training sessions"));
        items.Add(new("/cohorts", "Cohorts"));
        if (Is(Roles.TeamLead, Roles.Supervisor, Roles.DepartmentManager, Roles.Trainer))
        {
            items.Add(new("/coaching", "Apprentices"));
        }

        if (Is(Roles.TeamLead, Roles.Supervisor))
        {
            items.Add(new("/spot-questions", "Shift-meeting questions"));
        }

        if (Is(Roles.TeamLead, Roles.Supervisor, Roles.DepartmentManager, Roles.Trainer, Roles.QaInspector, Roles.Hr, Roles.GeneralManager, Roles.SystemAdmin))
        {
            items.Add(new("/reports/funnel", "Pipeline funnel"));
        }

        if (Is(Roles.Trainer, Roles.QaInspector, Roles.Hr, Roles.GeneralManager, Roles.SystemAdmin))
        {
            items.Add(new("/people", "People"));
        }
        else if (Is(Roles.Supervisor, Roles.DepartmentManager))
        {
            items.Add(new("/people", "My department"));
        }
        else if (Is(Roles.TeamLead))
        {
            items.Add(new("/people", "My team"));
        }

        if (Is(Roles.Hr, Roles.SystemAdmin))
        {
            items.Add(new("/people/import", "Roster import"));
            items.Add(new("/org", "Organisation"));
        }

        if (Is(Roles.SystemAdmin))
        {
            items.Add(new("/admin/users", "Users"));
            items.Add(new("/admin/audit", "Audit log"));
        }

        return items;
    }
}
