using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Induction;

/// <summary>
/// Edits the current induction program by saving a new version (the old one stays as it was, for the
/// cohorts scheduled with it). Rows left without topics are dropped; the days are numbered in order.
/// </summary>
public sealed class ReviseModel(AppDbContext db, TimeProvider time, ICurrentActor actor, IStringLocalizer<Text> text) : PageModel
{
    public sealed class DayInput
    {
        public string? Topics { get; set; }
        public string? OwnerRole { get; set; }
        public string? Goal { get; set; }
        public string? Evidence { get; set; }
    }

    /// <summary>The roles that own induction days in the seed's program (R2.1).</summary>
    public static readonly string[] Owners = [Roles.Hr, Roles.Supervisor, Roles.Trainer, Roles.TeamLead, Roles.QaInspector];

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public List<DayInput> Days { get; set; } = [];

    public ProgramTemplate Current { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var p = await db.ProgramTemplates.AsNoTracking().Include(x => x.Days).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return NotFound();
        }

        if (!p.IsCurrent)
        {
            return LocalRedirect($"/induction/programs/{id}");
        }

        Current = p;
        Name = p.Name;
        Days = p.Days.OrderBy(d => d.DayNumber).Select(d => new DayInput { Topics = d.Topics, OwnerRole = d.OwnerRole, Goal = d.Goal, Evidence = d.Evidence }).ToList();
        Days.Add(new DayInput { OwnerRole = Roles.Trainer });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var p = await db.ProgramTemplates.Include(x => x.Days).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return NotFound();
        }

        Current = p;
        if (!p.IsCurrent)
        {
            Error = text["Only the current version can be edited; a newer one was saved meanwhile."];
            return Page();
        }

        var rows = Days.Where(d => !string.IsNullOrWhiteSpace(d.Topics)).ToList();
        if (rows.Any(d => !Owners.Contains(d.OwnerRole ?? "")))
        {
            Error = text["Each day needs an owning role."];
            return Page();
        }

        try
        {
            var days = rows.Select((d, i) => new ProgramDay(i + 1, d.Topics!, d.OwnerRole!, d.Goal ?? "", d.Evidence ?? "")).ToList();
            var next = p.Revise(Name, days, time.GetUtcNow(), actor.UserName);
            db.ProgramTemplates.Add(next);
            await db.SaveChangesAsync(ct);
            return LocalRedirect($"/induction/programs/{next.Id}");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            return Page();
        }
        catch (DbUpdateException)
        {
            Error = text["Only the current version can be edited; a newer one was saved meanwhile."];
            return Page();
        }
    }
}
