using System.ComponentModel.DataAnnotations;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Exams;

/// <summary>A trainer offers a paper as an exam: window, kind, attempts, points, and an audience of teams, stages and people, who are notified.</summary>
public sealed class NewModel(AppDbContext db, Notifier notifier, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public sealed class Input
    {
        [Display(Name = "Title")]
        [Required(ErrorMessage = "{0} is required.")]
        [StringLength(Exam.TitleMax, ErrorMessage = "{0} is too long.")]
        public string Title { get; set; } = "";

        [Display(Name = "Paper")]
        [Required(ErrorMessage = "{0} is required.")]
        public int? PaperId { get; set; }

        public ExamKind Kind { get; set; } = ExamKind.MonthlyBusiness;

        [Display(Name = "Opens")]
        [Required(ErrorMessage = "{0} is required.")]
        public DateTime? OpensAt { get; set; }

        [Display(Name = "Closes")]
        [Required(ErrorMessage = "{0} is required.")]
        public DateTime? ClosesAt { get; set; }

        [Display(Name = "Attempts allowed")]
        [Range(1, 20, ErrorMessage = "{0} must be between {1} and {2}.")]
        public int AttemptsAllowed { get; set; } = 1;

        public bool CountsForPoints { get; set; }

        public List<int> TeamIds { get; set; } = [];

        public List<Stage> Stages { get; set; } = [];

        /// <summary>Employee numbers, separated by commas, spaces or lines.</summary>
        public string? People { get; set; }
    }

    [BindProperty]
    public Input Form { get; set; } = new();

    public IReadOnlyList<Paper> Papers { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];

    /// <summary>The chosen paper shows keys after submit and more than one attempt is allowed (<see cref="ReviewPolicy.KeysWaitForLastAttempt"/>).</summary>
    public bool KeysWait => Form.PaperId is { } id && Papers.FirstOrDefault(p => p.Id == id) is { } p && ReviewPolicy.KeysWaitForLastAttempt(p.ShowAnswers, Form.AttemptsAllowed);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var local = CenterClock.ToCenter(time.GetUtcNow()).DateTime;
        Form.OpensAt = local.Date.AddDays(1).AddHours(9);
        Form.ClosesAt = local.Date.AddDays(3).AddHours(18);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        foreach (var (field, message) in InputValidator.Validate(Form, text))
        {
            ModelState.AddModelError($"Form.{field}", message);
        }

        var paper = Form.PaperId is { } pid ? await db.Papers.Include(p => p.Items).Include(p => p.DrawRules).FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (Form.PaperId is not null && paper is null)
        {
            ModelState.AddModelError("Form.PaperId", text["Unknown paper."]);
        }
        else if (paper is not null && paper.Items.Count == 0 && paper.DrawRules.Count == 0)
        {
            ModelState.AddModelError("Form.PaperId", text["The paper has no questions."]);
        }

        if (Form.OpensAt >= Form.ClosesAt)
        {
            ModelState.AddModelError("Form.ClosesAt", text["The exam must close after it opens."]);
        }

        var numbers = (Form.People ?? "").Split([',', '，', ' ', '\n', '\r', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Employee.NormalizeNumber).Distinct().ToList();
        var people = await db.Employees.Where(e => numbers.Contains(e.EmployeeNumber)).Select(e => new { e.Id, e.EmployeeNumber }).ToListAsync(ct);
        var unknown = numbers.Except(people.Select(p => p.EmployeeNumber)).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError("Form.People", text["Unknown employee numbers: {0}", string.Join(", ", unknown)]);
        }

        var teams = await db.Teams.Where(t => Form.TeamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        if (teams.Count == 0 && Form.Stages.Count == 0 && people.Count == 0)
        {
            ModelState.AddModelError("Form.TeamIds", text["Choose who takes the exam: teams, stages or people."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        DateTimeOffset Utc(DateTime local) => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), CenterClock.Zone.GetUtcOffset(local)).ToUniversalTime();
        var exam = new Exam(Form.Title, paper!, Form.Kind, Utc(Form.OpensAt!.Value), Utc(Form.ClosesAt!.Value), Form.AttemptsAllowed, Form.CountsForPoints);
        teams.ForEach(t => exam.AddAudience(AudienceKind.Team, t, null));
        Form.Stages.Distinct().ToList().ForEach(s => exam.AddAudience(AudienceKind.Stage, null, s));
        people.ForEach(p => exam.AddAudience(AudienceKind.Person, p.Id, null));
        db.Exams.Add(exam);
        await db.SaveChangesAsync(ct);

        // Everyone in the audience with an account hears of it (SPEC: agents get a notification).
        var audience = await ExamEngine.Audience(db.Employees, exam).Select(e => e.Id).ToListAsync(ct);
        var users = await db.Users.Where(u => u.EmployeeId != null && audience.Contains(u.EmployeeId.Value)).Select(u => u.Id).ToListAsync(ct);
        foreach (var u in users)
        {
            notifier.Post(u, "A new exam is open for you: {0}.", [exam.Title], "/exams");
        }

        await db.SaveChangesAsync(ct);
        // The trainer lands on the exam's results (empty until someone submits), told what was published and when it is open.
        TempData.Confirm(text["Exam {0} published: open from {1} to {2} (center time), {3} people notified.", exam.Title,
            CenterClock.Show(exam.OpensAt), CenterClock.Show(exam.ClosesAt), users.Count]);
        return LocalRedirect($"/exams/{exam.Id}/results");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Papers = await db.Papers.AsNoTracking().OrderByDescending(p => p.Id).ToListAsync(ct);
        Teams = await db.Teams.AsNoTracking().Include(t => t.Department).ToNaturalListAsync(ct);
    }
}
