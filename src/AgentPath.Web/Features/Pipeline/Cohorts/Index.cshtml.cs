using System.ComponentModel.DataAnnotations;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Pipeline.Cohorts;

/// <summary>培训批次 — the cohorts the user may see, with their members by stage; trainers and HR create new ones from a list of new hires.</summary>
public sealed class IndexModel(DataScopeProvider scope, AppDbContext db, CohortService cohorts, IStringLocalizer<Text> text) : PageModel
{
    public sealed class Input
    {
        [Display(Name = "Name")]
        [Required(ErrorMessage = "{0} is required.")]
        [StringLength(Cohort.NameMax, ErrorMessage = "{0} is too long.")]
        public string Name { get; set; } = "";

        [Display(Name = "Start date")]
        [Required(ErrorMessage = "{0} is required.")]
        public DateOnly? StartDate { get; set; }

        public int? TrainerId { get; set; }

        [Display(Name = "New hires (employee numbers)")]
        [Required(ErrorMessage = "{0} is required.")]
        public string People { get; set; } = "";
    }

    [BindProperty]
    public Input Form { get; set; } = new();

    public IReadOnlyList<CohortRow> Rows { get; private set; } = [];
    public IReadOnlyList<Employee> Trainers { get; private set; } = [];
    public bool CanManage => User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Hr);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        ModelState.Clear();
        foreach (var (field, message) in InputValidator.Validate(Form, text))
        {
            ModelState.AddModelError($"Form.{field}", message);
        }

        if (ModelState.IsValid)
        {
            try
            {
                var numbers = Form.People.Split([',', '，', ' ', '\n', '\r', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries);
                var c = await cohorts.CreateAsync(Form.Name, Form.StartDate, Form.TrainerId, numbers, ct);
                return LocalRedirect($"/cohorts/{c.Id}");
            }
            catch (DomainException e)
            {
                ModelState.AddModelError("Form.People", text[e.Message]);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await CohortQueries.ListAsync(db, await scope.GetAsync(ct), await scope.PeopleAsync(ct), ct);
        if (CanManage)
        {
            var trainerIds = from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                             where r.Name == Roles.Trainer && u.EmployeeId != null select u.EmployeeId!.Value;
            Trainers = await db.Employees.AsNoTracking().Where(e => trainerIds.Contains(e.Id) || e.Posts.Any(p => p.Code == "TRAINER")).OrderBy(e => e.Name).ToListAsync(ct);
        }
    }
}
