using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Coaching;

/// <summary>One apprentice: the five coaching steps per work standard (reached, when, notes) and the daily evaluations; the lead or supervisor records both here.</summary>
public sealed class ApprenticeModel(DataScopeProvider scope, AppDbContext db, CoachingService coaching, WorkStandardService standards, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public Employee Person { get; private set; } = null!;
    public IReadOnlyList<WorkStandardTemplate> Templates { get; private set; } = [];
    public IReadOnlyList<CoachingStepRecord> Steps { get; private set; } = [];
    public IReadOnlyList<DailyEvaluation> Evaluations { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Saved { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanCoach => (User.IsInRole(Roles.TeamLead) || User.IsInRole(Roles.Supervisor)) && Person.Stage == Stage.Apprenticeship;

    public static readonly string[] Targets = ["Call length", "Concise talk", "Reassurance", "General knowledge", "Voice and tone"];

    public async Task<IActionResult> OnGetAsync(int id, string? saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStepAsync(int id, int templateId, CoachingStep step, DateOnly? on, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanCoach)
        {
            return Forbid();
        }

        return await RunAsync(id, "step", () => coaching.RecordStepAsync(Person, User, templateId, step, on, note, ct), ct);
    }

    public async Task<IActionResult> OnPostEvaluationAsync(int id, DateOnly? on, int callLength, int conciseTalk, int reassurance, int knowledge, int voiceTone, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanCoach || (await scope.GetAsync(ct)).SelfEmployeeId == id)
        {
            return Forbid();
        }

        return await RunAsync(id, "evaluation", () => coaching.EvaluateAsync(Person, User, on, [callLength, conciseTalk, reassurance, knowledge, voiceTone], comment, ct), ct);
    }

    private async Task<IActionResult> RunAsync<T>(int id, string what, Func<Task<T>> action, CancellationToken ct)
    {
        try
        {
            await action();
            return LocalRedirect($"/coaching/{id}?saved={what}");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            await LoadAsync(id, ct);
            return Page();
        }
    }

    public CoachingStepRecord? Reached(int templateId) => Steps.Where(s => s.TemplateId == templateId).MaxBy(s => s.Step);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await (await scope.PeopleAsync(ct)).Include(e => e.Team).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        Today = ApprenticeshipLimit.Today(time);
        // The list in force on the first day of the apprenticeship (a change of the standards reaches new apprenticeships only).
        Templates = await standards.ForApprenticeAsync(id, person.StageStart, ct);
        Steps = await db.CoachingSteps.AsNoTracking().Where(s => s.ApprenticeId == id).OrderBy(s => s.TemplateId).ThenBy(s => s.Step).ToListAsync(ct);
        Evaluations = await db.DailyEvaluations.AsNoTracking().Where(d => d.ApprenticeId == id).OrderByDescending(d => d.On).ThenByDescending(d => d.Id).Take(60).ToListAsync(ct);
        return true;
    }
}
