using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality;

/// <summary>
/// Findings drive training: the period's findings in scope by tag, dimension, team or agent; from a
/// tag, a training need for next month's plan; from an agent, targeted retraining with an owner and due date.
/// </summary>
public sealed class FindingsModel(AppDbContext db, FindingsService findings, SamplingService sampling, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Group(string Key, string Label, int Count, int Agents, int Evaluations, int? EmployeeId, FindingTag? Tag, int? TeamId);

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string By { get; set; } = "tag";
    [BindProperty(SupportsGet = true)] public int? TeamId { get; set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Owners { get; private set; } = [];
    public IReadOnlyList<string> Dimensions { get; private set; } = [];
    public IReadOnlyList<TrainingNeed> Needs { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Notice { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostNeedAsync(FindingTag tag, string? title, CancellationToken ct)
    {
        var (from, to) = Range();
        var (need, problem) = await findings.RaiseNeedAsync(tag, from, to, TeamId, string.IsNullOrWhiteSpace(title) ? text[QualityText.Of(tag)].Value : title, User, ct);
        await LoadAsync(ct);
        if (problem is not null)
        {
            Error = text[problem];
        }
        else
        {
            Notice = text["Training need raised for {0}: {1} people.", need!.ForMonth.ToString("yyyy-MM"), need.Headcount];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRetrainAsync(int employeeId, string? dimension, int ownerUserId, DateOnly dueOn, string? note, CancellationToken ct)
    {
        var (task, problem) = await findings.AssignAsync(employeeId, dimension, note, ownerUserId, dueOn, User, ct);
        if (problem is "Not found.")
        {
            return NotFound();
        }

        if (problem is not null)
        {
            await LoadAsync(ct);
            Error = text[problem];
            return Page();
        }

        TempData.Confirm(text["Retraining assigned, due {0}.", dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        return Redirect($"/quality/retraining?assigned={task!.Id}");
    }

    private (DateTimeOffset From, DateTimeOffset To) Range()
    {
        Today = sampling.Today();
        To ??= Today;
        From ??= To.Value.AddDays(-29);
        return SamplingService.Instants(From.Value, To.Value);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (from, to) = Range();
        var rows = (await findings.RowsAsync(from, to, ct)).Where(r => TeamId == null || r.TeamId == TeamId).ToList();
        Total = rows.Count;
        Groups = FindingsService.Group(rows, By)
            .Select(g => new Group(g.Key, By switch
            {
                "agent" => g.Agent + " " + g.Key,
                "dimension" or "team" => g.Key,
                _ => text[QualityText.Of(g.Tag!.Value)].Value,
            }, g.Count, g.Agents, g.Evaluations, g.EmployeeId, g.Tag, g.TeamId))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label).ToList();
        Teams = await db.Teams.AsNoTracking().ToNaturalListAsync(ct);
        Owners = (await (from ur in db.UserRoles
                         join r in db.Roles on ur.RoleId equals r.Id
                         join u in db.Users on ur.UserId equals u.Id
                         where r.Name == Roles.TeamLead || r.Name == Roles.Trainer || r.Name == Roles.QaInspector || r.Name == Roles.Supervisor
                         select new { u.Id, Name = u.DisplayName ?? u.UserName }).Distinct().ToListAsync(ct))
            .Select(u => (u.Id, u.Name ?? "?")).OrderBy(u => u.Item2).ToList();
        Dimensions = rows.Where(r => r.Dimension is not null).Select(r => r.Dimension!).Distinct().Order().ToList();
        Needs = await db.TrainingNeeds.AsNoTracking().Where(n => n.Source == QualitySetup.TrainingSource).OrderByDescending(n => n.RaisedAt).Take(20).ToListAsync(ct);
    }
}
