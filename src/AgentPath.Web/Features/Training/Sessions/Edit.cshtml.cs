using System.ComponentModel.DataAnnotations;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Pipeline;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Training.Sessions;

/// <summary>Creates or changes a training session: title, kind, date and time (center time), place or online link, instructor and audience (a cohort or a team).</summary>
public sealed class EditModel(SessionAccess access, DataScopeProvider scope, AppDbContext db, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    public sealed class Input
    {
        [Display(Name = "Title")]
        [Required(ErrorMessage = "{0} is required.")]
        [StringLength(TrainingSession.TitleMax, ErrorMessage = "{0} is too long.")]
        public string Title { get; set; } = "";

        public SessionKind Kind { get; set; } = SessionKind.Business;

        [Display(Name = "Date")]
        [Required(ErrorMessage = "{0} is required.")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Starts at")]
        [Required(ErrorMessage = "{0} is required.")]
        public TimeOnly? Starts { get; set; }

        [Display(Name = "Ends at")]
        [Required(ErrorMessage = "{0} is required.")]
        public TimeOnly? Ends { get; set; }

        [Display(Name = "Place")]
        [StringLength(TrainingSession.PlaceMax, ErrorMessage = "{0} is too long.")]
        public string? Place { get; set; }

        [Display(Name = "Online link")]
        [StringLength(TrainingSession.PlaceMax, ErrorMessage = "{0} is too long.")]
        public string? OnlineUrl { get; set; }

        public int? InstructorId { get; set; }
        public int? CohortId { get; set; }
        public int? TeamId { get; set; }
    }

    public sealed record Option(int Id, string Name);

    [BindProperty]
    public Input Form { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Option> Instructors { get; private set; } = [];
    public IReadOnlyList<Option> Cohorts { get; private set; } = [];
    public IReadOnlyList<Option> Teams { get; private set; } = [];

    /// <summary>The kinds this user may create: all, or a department manager's R8.6 events.</summary>
    public IReadOnlyList<SessionKind> Kinds => SessionAccess.KindsFor(User);

    public async Task<IActionResult> OnGetAsync(int? id, int? cohortId, int? teamId, CancellationToken ct)
    {
        Id = id;
        if (id is { } sid)
        {
            var s = await access.FindAsync(sid, ct);
            if (s is null)
            {
                return NotFound();
            }

            if (!SessionAccess.CanManage(User, s.Kind))
            {
                return NotFound(); // not one of theirs to manage: nothing there for them
            }

            var starts = s.StartsAt.ToCenter();
            var ends = s.EndsAt.ToCenter();
            Form = new Input
            {
                Title = s.Title, Kind = s.Kind, Date = DateOnly.FromDateTime(starts.DateTime), Starts = TimeOnly.FromDateTime(starts.DateTime),
                Ends = TimeOnly.FromDateTime(ends.DateTime), Place = s.Place, OnlineUrl = s.OnlineUrl, InstructorId = s.InstructorEmployeeId,
                CohortId = s.CohortId, TeamId = s.TeamId,
            };
        }
        else
        {
            Form.Date = Coaching.ApprenticeshipLimit.Today(time);
            Form.Starts = new TimeOnly(9, 0);
            Form.Ends = new TimeOnly(11, 0);
            Form.CohortId = cohortId;
            Form.TeamId = teamId;
            Form.InstructorId = await access.SelfAsync(ct);
            if (!Kinds.Contains(Form.Kind))
            {
                Form.Kind = Kinds[0];
            }
        }

        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        TrainingSession? session = null;
        if (id is { } sid)
        {
            session = await (await access.VisibleAsync(ct)).FirstOrDefaultAsync(x => x.Id == sid, ct);
            if (session is null)
            {
                return NotFound();
            }

            if (!SessionAccess.CanManage(User, session.Kind))
            {
                return NotFound(); // not one of theirs to manage: nothing there for them
            }
        }

        await LoadOptionsAsync(ct);
        ModelState.Clear();
        foreach (var (field, message) in InputValidator.Validate(Form, text))
        {
            ModelState.AddModelError($"Form.{field}", message);
        }

        if ((Form.CohortId is null) == (Form.TeamId is null))
        {
            ModelState.AddModelError("Form.CohortId", text["Choose the audience: a cohort or a team."]);
        }
        else if ((Form.CohortId is { } c && Cohorts.All(x => x.Id != c)) || (Form.TeamId is { } t && Teams.All(x => x.Id != t)))
        {
            ModelState.AddModelError("Form.CohortId", text["Unknown audience."]);
        }

        if (Form.InstructorId is { } i && Instructors.All(x => x.Id != i))
        {
            ModelState.AddModelError("Form.InstructorId", text["Unknown instructor."]);
        }

        if (!Enum.IsDefined(Form.Kind))
        {
            ModelState.AddModelError("Form.Kind", text["Unknown kind of session."]);
        }
        else if (!Kinds.Contains(Form.Kind))
        {
            ModelState.AddModelError("Form.Kind", text["A department manager organises suggestion schemes, information-sharing meetings and recognition events; other sessions are set up by trainers, HR or supervisors."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var starts = CohortService.At(Form.Date!.Value, Form.Starts!.Value.Hour, Form.Starts.Value.Minute);
        var ends = CohortService.At(Form.Date.Value, Form.Ends!.Value.Hour, Form.Ends.Value.Minute);
        try
        {
            if (session is null)
            {
                session = new TrainingSession(Form.Title, Form.Kind, starts, ends, Form.Place, Form.OnlineUrl, Form.InstructorId, null, Form.CohortId, Form.TeamId);
                db.TrainingSessions.Add(session);
            }
            else
            {
                session.Change(Form.Title, Form.Kind, starts, ends, Form.Place, Form.OnlineUrl, Form.InstructorId, Form.CohortId, Form.TeamId);
            }

            await db.SaveChangesAsync(ct);
            TempData.Confirm(text["Session saved: {0}, {1}.", session.Title, CenterClock.Show(session.StartsAt)]);
            return LocalRedirect($"/training/sessions/{session.Id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", text[e.Message]);
            return Page();
        }
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        string[] teaching = [Roles.Trainer, Roles.Hr, Roles.Supervisor, Roles.TeamLead, Roles.QaInspector];
        Instructors = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             join e in db.Employees on u.EmployeeId equals e.Id
                             where teaching.Contains(r.Name!)
                             select new { e.Id, e.Name, e.EmployeeNumber }).Distinct().OrderBy(e => e.EmployeeNumber)
            .Select(e => new Option(e.Id, e.Name + " (" + e.EmployeeNumber + ")")).ToListAsync(ct);
        var s = await scope.GetAsync(ct);
        var people = await scope.PeopleAsync(ct);
        Cohorts = await db.Cohorts.Where(c => s.Everyone || db.CohortMembers.Any(m => m.CohortId == c.Id && people.Any(p => p.Id == m.EmployeeId)))
            .OrderByDescending(c => c.StartDate).Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);
        Teams = (await (await scope.TeamsAsync(ct)).AsNoTracking().Include(t => t.Department).ToNaturalListAsync(ct))
            .Select(t => new Option(t.Id, t.Department.Name + " · " + t.Name)).ToList();
    }
}
