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
/// The day-7 gate of a cohort (R2.2): for each trainee still in induction, every part of the current
/// gate version — taken from its source where one is on file (the online gate exam, the QA
/// evaluations, with links), otherwise entered by the trainer with its reference (the paper test's sheet
/// number, the score sheet) — the composite, and the outcome recorded under the assessor's name: a team
/// for who passes, a retake or elimination for who fails. A refused submission comes back with
/// everything typed kept and each problem marked at its field.
/// </summary>
public sealed class GateModel(DataScopeProvider scope, AppDbContext db, StageService stages, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Row(Employee Person, GatePreview Preview);

    /// <summary>What was typed into one trainee's form, kept as typed after a refusal.</summary>
    public sealed class Posted
    {
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);
        public string? Error { get; set; }

        public string? this[string field] => Values.GetValueOrDefault(field);
    }

    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Employee> Done { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];

    /// <summary>The refused form, by trainee.</summary>
    public Dictionary<int, Posted> Refused { get; } = [];
    public int? Recorded { get; private set; }
    public GateResult? RecordedResult { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? recorded, CancellationToken ct)
    {
        Recorded = recorded;
        if (!await LoadAsync(id, null, null, ct))
        {
            return NotFound();
        }

        if (recorded is { } who && Done.Concat(Rows.Select(r => r.Person)).Any(e => e.Id == who))
        {
            RecordedResult = await db.GateResults.AsNoTracking().Where(r => r.EmployeeId == who).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int employeeId, int? teamId, string? outcome, string? note, CancellationToken ct)
    {
        var person = await scope.FindPersonAsync(employeeId, ct);
        var member = person is not null && await db.CohortMembers.AnyAsync(m => m.CohortId == id && m.EmployeeId == employeeId, ct);
        if (!member)
        {
            return NotFound();
        }

        var posted = new Posted();
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("score.", StringComparison.Ordinal) || key.StartsWith("ref.", StringComparison.Ordinal) || key is "teamId" or "outcome" or "note")
            {
                posted.Values[key] = value.ToString();
            }
        }

        var entered = new Dictionary<GatePartKind, EnteredScore>();
        foreach (var kind in Enum.GetValues<GatePartKind>())
        {
            var raw = posted["score." + kind]?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                continue;
            }

            // The browser sends numbers with a point; a comma typed on a phone keyboard is read as one too.
            if (decimal.TryParse(raw.Replace('，', '.').Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var v)
                && StageService.IsScore(v))
            {
                entered[kind] = new EnteredScore(v, posted["ref." + kind]?.Trim());
            }
            else
            {
                posted.Problems["score." + kind] = text[StageService.ScoreMessage];
            }
        }

        GateOutcome? chosen = Enum.TryParse<GateOutcome>(outcome, out var o) && o != GateOutcome.Passed ? o : null;
        var input = new GateInput(entered, chosen, teamId, note, null);
        if (person!.Stage is Stage.Induction && await stages.PreviewAsync(person, entered, ct) is { } preview)
        {
            foreach (var (field, message) in StageService.Problems(person, preview, input))
            {
                posted.Problems.TryAdd(field, text[message]);
            }
        }

        if (posted.Problems.Count == 0)
        {
            try
            {
                await stages.RecordGateAsync(person, input, ct);
                return LocalRedirect($"/cohorts/{id}/gate?recorded={employeeId}");
            }
            catch (DomainException e)
            {
                posted.Error = text[e.Message];
            }
        }

        Refused[employeeId] = posted;
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
