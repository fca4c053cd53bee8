using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Exams;

/// <summary>
/// A trainer changes an exam: before it opens, everything a new exam sets (title, paper, window,
/// attempts, audience); once open, close it early or extend its window. Every change goes through
/// <see cref="ExamChanges"/> (one decision from one loaded version, audited, the audience notified).
/// </summary>
public sealed class ManageModel(AppDbContext db, ExamChanges changes, TimeProvider time) : PageModel
{
    public sealed class EditInput
    {
        public string? Title { get; set; }
        public int? PaperId { get; set; }
        public DateTime? OpensAt { get; set; }
        public DateTime? ClosesAt { get; set; }
        public int? AttemptsAllowed { get; set; }
        public List<int> TeamIds { get; set; } = [];
        public List<Stage> Stages { get; set; } = [];
        public string? People { get; set; }
    }

    [BindProperty] public EditInput Form { get; set; } = new();
    [BindProperty] public int? RowVersion { get; set; }
    [BindProperty] public DateTime? NewClose { get; set; }

    public Exam Exam { get; private set; } = null!;
    public ExamWindow Window { get; private set; }
    public IReadOnlyList<Paper> Papers { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public int OpenAttempts { get; private set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        var numbers = (Form.People ?? "").Split([',', '，', ' ', '\n', '\r', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries).ToList();
        var r = await changes.EditAsync(id, RowVersion, new ExamEdit(Form.Title, Form.PaperId,
            Form.OpensAt is { } o ? CenterClock.FromCenter(o) : null, Form.ClosesAt is { } c ? CenterClock.FromCenter(c) : null,
            Form.AttemptsAllowed, Form.TeamIds, Form.Stages, numbers), ct);
        return await AfterAsync(id, r, "Form.", ct);
    }

    public async Task<IActionResult> OnPostExtendAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await changes.ExtendAsync(id, RowVersion, NewClose is { } n ? CenterClock.FromCenter(n) : null, ct), "", ct);

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await changes.CloseAsync(id, RowVersion, ct), "", ct);

    private async Task<IActionResult> AfterAsync(int id, ExamChangeResult r, string prefix, CancellationToken ct)
    {
        if (r.Outcome == ExamChangeOutcome.NotFound)
        {
            return NotFound();
        }

        if (r.Outcome == ExamChangeOutcome.Ok)
        {
            return LocalRedirect($"/exams?changed={id}");
        }

        db.ChangeTracker.Clear();
        ModelState.Clear();
        foreach (var (field, message) in r.Problems)
        {
            ModelState.AddModelError(field is "ClosesAt" && prefix == "" ? "NewClose" : prefix + field, message);
        }

        Conflict = r.Outcome == ExamChangeOutcome.Conflict;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Conflict)
        {
            // The page now shows the other change; the form starts again from it.
            Fill();
        }
        else
        {
            RowVersion = Exam.RowVersion;
        }

        return Page();
    }

    private void Fill()
    {
        RowVersion = Exam.RowVersion;
        Form = new EditInput
        {
            Title = Exam.Title,
            PaperId = Exam.PaperId,
            OpensAt = Exam.OpensAt.ToCenter().DateTime,
            ClosesAt = Exam.ClosesAt.ToCenter().DateTime,
            AttemptsAllowed = Exam.AttemptsAllowed,
            TeamIds = Exam.Audience.Where(a => a.Kind == AudienceKind.Team && a.RefId != null).Select(a => a.RefId!.Value).ToList(),
            Stages = Exam.Audience.Where(a => a.Kind == AudienceKind.Stage && a.Stage != null).Select(a => a.Stage!.Value).ToList(),
            People = string.Join(", ", PeopleNumbers),
        };
        NewClose = Exam.ClosesAt.ToCenter().DateTime.AddDays(1);
    }

    private IReadOnlyList<string> PeopleNumbers { get; set; } = [];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().Include(e => e.Audience).Include(e => e.Paper).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exam is null)
        {
            return false;
        }

        Exam = exam;
        var now = time.GetUtcNow();
        Window = ExamList.WindowAt(exam, now);
        var personIds = exam.Audience.Where(a => a.Kind == AudienceKind.Person && a.RefId != null).Select(a => a.RefId!.Value).ToList();
        PeopleNumbers = await db.Employees.Where(e => personIds.Contains(e.Id)).OrderBy(e => e.EmployeeNumber).Select(e => e.EmployeeNumber).ToListAsync(ct);
        OpenAttempts = await db.Attempts.CountAsync(a => a.ExamId == id && a.Status == AttemptStatus.Open, ct);
        Papers = await db.Papers.AsNoTracking().OrderByDescending(p => p.Id).ToListAsync(ct);
        Teams = await db.Teams.AsNoTracking().Include(t => t.Department).ToNaturalListAsync(ct);
        return true;
    }
}
