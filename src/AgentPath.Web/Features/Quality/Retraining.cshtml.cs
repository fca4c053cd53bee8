using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Quality;

/// <summary>再培训 — targeted retraining raised from QA findings in the viewer's scope: owner, due date, and the score before and after.</summary>
public sealed class RetrainingModel(AppDbContext db, DataScopeProvider scope, SamplingService sampling, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Row(int Id, int EmployeeId, string Agent, string Number, string Topic, string Owner, DateOnly DueOn, RetrainingStatus Status, decimal? Before, decimal? After, string? FollowUp, DateTimeOffset AssignedAt, string Note);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        var people = (await scope.PeopleAsync(ct)).Select(p => p.Id);
        var task = await db.RetrainingTasks.FirstOrDefaultAsync(t => t.Id == id && people.Contains(t.EmployeeId), ct);
        if (task is null)
        {
            return NotFound();
        }

        try
        {
            task.Cancel();
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            await LoadAsync(ct);
            return Page();
        }

        TempData.Confirm(text["Retraining task cancelled."]);
        return Redirect("/quality/retraining");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = sampling.Today();
        var people = (await scope.PeopleAsync(ct)).Select(p => p.Id);
        Rows = await db.RetrainingTasks.AsNoTracking().Where(t => t.Source == QualitySetup.TrainingSource && people.Contains(t.EmployeeId))
            .OrderBy(t => t.Status).ThenBy(t => t.DueOn)
            .Select(t => new Row(t.Id, t.EmployeeId, t.Employee.Name, t.Employee.EmployeeNumber, t.Topic, t.OwnerName, t.DueOn, t.Status, t.BaselineScore, t.FollowUpScore, t.FollowUpRef, t.AssignedAt, t.Note))
            .Take(300).ToListAsync(ct);
    }
}
