using AgentPath.Web.Data;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Training.Hours;

/// <summary>
/// One person's on-the-job training hours: attended business and general-skills sessions plus the hours
/// entered by a trainer or supervisor, the 70/30 figure for the current stage and since hire.
/// </summary>
public sealed class PersonModel(DataScopeProvider scope, AppDbContext db, TimeProvider time, ICurrentActor actor, IStringLocalizer<Text> text) : PageModel
{
    public Employee Person { get; private set; } = null!;
    public IReadOnlyList<HoursLedger.Line> Lines { get; private set; } = [];
    public HoursMix StageMix { get; private set; } = new(0, 0);
    public HoursMix AllMix { get; private set; } = new(0, 0);
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }
    public bool Saved { get; private set; }

    /// <summary>Trainers and supervisors enter hours (R4.1: the trainer runs on-the-job training, the supervisor the floor).</summary>
    public bool CanEnter => (User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Supervisor)) && Person.Stage is not (Stage.Eliminated or Stage.Left);

    public async Task<IActionResult> OnGetAsync(int id, bool? saved, CancellationToken ct)
    {
        Saved = saved == true;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, DateOnly? on, decimal? hours, HoursCategory? category, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEnter || (await scope.GetAsync(ct)).SelfEmployeeId == id)
        {
            return Forbid();
        }

        if (on is null || hours is null || category is null || !Enum.IsDefined(category.Value))
        {
            Error = text["Give the date, the hours and whether it was business or general skills."];
            return Page();
        }

        try
        {
            var person = await db.Employees.SingleAsync(e => e.Id == id, ct);
            db.TrainingHoursEntries.Add(new TrainingHoursEntry(person, on.Value, Today, hours.Value, category.Value, note ?? "", actor.UserName, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return LocalRedirect($"/training/hours/{id}?saved=true");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await scope.FindPersonAsync(id, ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        Today = ApprenticeshipLimit.Today(time);
        Lines = await HoursLedger.LinesAsync(db, id, person.HireDate, Today, ct);
        AllMix = HoursLedger.Mix(Lines);
        StageMix = HoursLedger.Mix(Lines.Where(l => l.On >= person.StageStart));
        return true;
    }
}
