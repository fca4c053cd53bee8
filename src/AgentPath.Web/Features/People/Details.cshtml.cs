using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>A person's profile: details, roles, posts, and a timeline of what happened to their record. Outside the scope it is a 404.</summary>
public sealed class DetailsModel(DataScopeProvider scope, AppDbContext db, IEnumerable<ITimelineSource> sources) : PageModel
{
    public Employee Person { get; private set; } = null!;
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public string? UserName { get; private set; }
    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var person = await (await scope.PeopleAsync(ct)).AsNoTracking()
            .Include(e => e.Team).Include(e => e.Department).ThenInclude(d => d.Site).Include(e => e.Posts)
            .FirstOrDefaultAsync(e => e.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        var user = await db.Users.AsNoTracking().Where(u => u.EmployeeId == id).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(ct);
        UserName = user?.UserName;
        if (user is not null)
        {
            RoleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync(ct);
        }

        var items = new List<TimelineItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ForAsync(person, ct));
        }

        Timeline = items.OrderByDescending(i => i.At).ToList();
        CanEdit = User.IsInRole(Roles.Hr) || User.IsInRole(Roles.SystemAdmin);
        return Page();
    }
}
