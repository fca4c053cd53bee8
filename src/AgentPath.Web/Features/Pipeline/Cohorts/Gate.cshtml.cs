using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Pipeline.Cohorts;

/// <summary>
/// The day-7 gate of a cohort (R2.2): for each trainee still in induction, the written test from the
/// exam, the recording QA and mock-call scores entered with their reference, the composite, and the
/// outcome recorded under the assessor's name — a team for who passes, a retake or elimination for who fails.
/// </summary>
public sealed class GateModel(DataScopeProvider scope, AppDbContext db, StageService stages, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Row(Employee Person, GatePreview Preview);

    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Employee> Done { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public Dictionary<int, string> Errors { get; } = [];
    public int? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? recorded, CancellationToken ct)
    {
        Recorded = recorded;
        return await LoadAsync(id, null, null, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, int employeeId, string? recordingQa, string? recordingRef, string? mockCall, string? mockRef,
        int? teamId, GateOutcome? outcome, string? note, CancellationToken ct)
    {
        var person = await scope.FindPersonAsync(employeeId, ct);
        var member = person is not null && await db.CohortMembers.AnyAsync(m => m.CohortId == id && m.EmployeeId == employeeId, ct);
        if (!member)
        {
            return NotFound();
        }

        var entered = new Dictionary<GatePartKind, EnteredScore>();
        string? error = null;
        void Take(GatePartKind kind, string? value, string? reference)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                entered[kind] = new EnteredScore(v, reference);
            }
            else
            {
                error = text["A score must be between 0 and 100."];
            }
        }

        Take(GatePartKind.RecordingQa, recordingQa, recordingRef);
        Take(GatePartKind.MockCall, mockCall, mockRef);
        if (error is null)
        {
            try
            {
                await stages.RecordGateAsync(person!, new GateInput(entered, outcome, teamId, note, null), ct);
                return LocalRedirect($"/cohorts/{id}/gate?recorded={employeeId}");
            }
            catch (DomainException e)
            {
                error = text[e.Message];
            }
        }

        Errors[employeeId] = error!;
        await LoadAsync(id, employeeId, entered, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int? failedFor, Dictionary<GatePartKind, EnteredScore>? entered, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null)
        {
            return false;
        }

        Cohort = cohort;
        var people = await scope.PeopleAsync(ct);
        var members = await (from m in db.CohortMembers join e in people on m.EmployeeId equals e.Id where m.CohortId == id orderby e.EmployeeNumber select e)
            .Include(e => e.Team).ToListAsync(ct);
        if (members.Count == 0 && !(await scope.GetAsync(ct)).Everyone)
        {
            return false;
        }

        var rows = new List<Row>();
        foreach (var e in members.Where(e => e.Stage == Stage.Induction))
        {
            rows.Add(new Row(e, (await stages.PreviewAsync(e, e.Id == failedFor ? entered : null, ct))!));
        }

        Rows = rows;
        Done = members.Where(e => e.Stage != Stage.Induction).ToList();
        Teams = await (await scope.TeamsAsync(ct)).AsNoTracking().Include(t => t.Department).ToNaturalListAsync(ct);
        return true;
    }
}
