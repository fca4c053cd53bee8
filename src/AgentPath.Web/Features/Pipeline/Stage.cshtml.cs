using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>A person's path: stage events and gate results, the gate of the current stage, and the moves the user's role allows (gate, elimination, departure, reinstatement).</summary>
public sealed class StageModel(DataScopeProvider scope, AppDbContext db, StageService stages, IStringLocalizer<Text> text) : PageModel
{
    public Employee Person { get; private set; } = null!;
    public IReadOnlyList<StageEvent> Events { get; private set; } = [];
    public IReadOnlyList<GateResult> Results { get; private set; } = [];
    public GatePreview? Preview { get; private set; }
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanAssess => User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.DepartmentManager);
    public bool IsHr => User.IsInRole(Roles.Hr);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGateAsync(int id, GateOutcome? outcome, int? teamId, string? note, DateOnly? on, CancellationToken ct)
    {
        if (!CanAssess)
        {
            return Forbid();
        }

        var person = await scope.FindPersonAsync(id, ct);
        if (person is null)
        {
            return NotFound();
        }

        var entered = new Dictionary<GatePartKind, EnteredScore>();
        foreach (var kind in Enum.GetValues<GatePartKind>())
        {
            var v = Request.Form["score." + kind].ToString();
            if (v.Length > 0 && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
            {
                entered[kind] = new EnteredScore(d, Request.Form["ref." + kind].ToString());
            }
        }

        return await RunAsync(id, entered, () => stages.RecordGateAsync(person, new GateInput(entered, outcome, teamId, note, on), ct), ct);
    }

    public async Task<IActionResult> OnPostEliminateAsync(int id, StageReason? reason, string? note, DateOnly? on, CancellationToken ct)
    {
        if (!CanAssess)
        {
            return Forbid();
        }

        var person = await scope.FindPersonAsync(id, ct);
        return person is null ? NotFound() : await RunAsync(id, null, () => stages.EliminateAsync(person, reason ?? StageReason.Hired, note, on, ct), ct);
    }

    public async Task<IActionResult> OnPostLeaveAsync(int id, StageReason? reason, string? note, DateOnly? on, CancellationToken ct)
    {
        if (!IsHr)
        {
            return Forbid();
        }

        var person = await scope.FindPersonAsync(id, ct);
        return person is null ? NotFound() : await RunAsync(id, null, () => stages.LeaveAsync(person, reason ?? StageReason.Hired, note, on, ct), ct);
    }

    public async Task<IActionResult> OnPostReinstateAsync(int id, Stage? to, string? document, string? note, DateOnly? on, CancellationToken ct)
    {
        if (!IsHr)
        {
            return Forbid();
        }

        var person = await scope.FindPersonAsync(id, ct);
        return person is null ? NotFound()
            : to is null ? await FailAsync(id, "Choose the stage to return to.", ct)
            : await RunAsync(id, null, () => stages.ReinstateAsync(person, to.Value, document ?? "", note, on, ct), ct);
    }

    private async Task<IActionResult> RunAsync<T>(int id, Dictionary<GatePartKind, EnteredScore>? entered, Func<Task<T>> action, CancellationToken ct)
    {
        try
        {
            await action();
            return LocalRedirect($"/people/{id}/stage");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            await LoadAsync(id, entered, ct);
            return Page();
        }
    }

    private async Task<IActionResult> FailAsync(int id, string message, CancellationToken ct)
    {
        Error = text[message];
        await LoadAsync(id, null, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, Dictionary<GatePartKind, EnteredScore>? entered, CancellationToken ct)
    {
        var person = await (await scope.PeopleAsync(ct)).AsNoTracking().Include(e => e.Team).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        Events = await db.StageEvents.AsNoTracking().Where(e => e.EmployeeId == id).OrderBy(e => e.On).ThenBy(e => e.Id).ToListAsync(ct);
        Results = await db.GateResults.AsNoTracking().Include(r => r.Parts).Where(r => r.EmployeeId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Preview = await stages.PreviewAsync(person, entered, ct);
        Teams = await (await scope.TeamsAsync(ct)).AsNoTracking().Include(t => t.Department).ToNaturalListAsync(ct);
        return true;
    }
}
