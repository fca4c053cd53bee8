using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>HR creates a person or corrects their record. The stage is set once, at creation; afterwards only the pipeline moves it.</summary>
public sealed class EditModel(DataScopeProvider scope, AppDbContext db, EmployeeEditor editor, CenterClock clock) : PageModel
{
    [BindProperty]
    public EmployeeInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<Post> Posts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var e = await (await scope.PeopleAsync(ct)).AsNoTracking().Include(x => x.Posts).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (e is null)
            {
                return NotFound();
            }

            Input = EmployeeEditor.InputFrom(e);
            Id = existing;
        }
        else
        {
            Input.HireDate = clock.Today;
        }

        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Employee? e = null;
        if (id is { } existing)
        {
            e = await (await scope.PeopleAsync(ct)).Include(x => x.Posts).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (e is null)
            {
                return NotFound();
            }

            Input.EmployeeNumber = e.EmployeeNumber;
            Input.Stage = e.Stage;
            Id = existing;
        }

        ModelState.Clear();
        foreach (var (field, message) in await editor.ValidateAsync(Input, id, ct))
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            await LoadListsAsync(ct);
            return Page();
        }

        if (e is null)
        {
            e = await editor.CreateAsync(Input, ct);
        }
        else
        {
            await editor.UpdateAsync(e, Input, ct);
        }

        return LocalRedirect($"/people/{e.Id}");
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        Teams = await db.Teams.AsNoTracking().Include(t => t.Department).ToNaturalListAsync(ct);
        Posts = await db.Posts.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
    }
}
