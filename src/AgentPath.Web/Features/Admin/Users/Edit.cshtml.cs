using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Admin.Users;

/// <summary>Create or edit an account: its link to an employee, its roles, a new password, lock or unlock.</summary>
public sealed class EditModel(UserAdmin admin, UserManager<AppUser> users, AppDbContext db, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    /// <summary>The linked person, typed as an employee number.</summary>
    [BindProperty]
    public string? EmployeeNumber { get; set; }

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is { } existing)
        {
            var user = await users.FindByIdAsync(existing.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (user is null)
            {
                return NotFound();
            }

            var dto = await admin.ToDtoAsync(user);
            Input = new UserInput { UserName = dto.UserName, DisplayName = dto.DisplayName, EmployeeId = dto.EmployeeId, Roles = dto.Roles.ToList(), Locked = dto.Locked };
            EmployeeNumber = dto.EmployeeId is { } e ? await db.Employees.Where(x => x.Id == e).Select(x => x.EmployeeNumber).FirstOrDefaultAsync() : null;
            Id = existing;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        AppUser? user = null;
        if (id is { } existing)
        {
            user = await users.FindByIdAsync(existing.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (user is null)
            {
                return NotFound();
            }

            Id = existing;
        }

        ModelState.Clear();
        Input.EmployeeId = null;
        if (!string.IsNullOrWhiteSpace(EmployeeNumber))
        {
            var number = EmployeeNumber.Trim();
            Input.EmployeeId = await db.Employees.Where(e => e.EmployeeNumber == number).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
            if (Input.EmployeeId is null)
            {
                ModelState.AddModelError(nameof(EmployeeNumber), text["Unknown employee."]);
            }
        }

        foreach (var (field, message) in await admin.ValidateAsync(Input, id, ct))
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = user is null ? (await admin.CreateAsync(Input)).Errors : await admin.UpdateAsync(user, Input);
        foreach (var e in errors)
        {
            ModelState.AddModelError("", e);
        }

        return ModelState.IsValid ? RedirectToPage("/Admin/Users/Index") : Page();
    }
}
