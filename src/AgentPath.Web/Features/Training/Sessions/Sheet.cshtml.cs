using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Training.Sessions;

/// <summary>签到表 — the printable sign-in sheet of a session (A4): each trainee of the audience with the recorded attendance and a column to sign by hand.</summary>
public sealed class SheetModel(SessionAccess access, AppDbContext db) : PageModel
{
    public TrainingSession Session { get; private set; } = null!;
    public string Audience { get; private set; } = "";
    public IReadOnlyList<(People.Employee Person, Attendance? Attendance)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var s = await access.FindAsync(id, ct);
        if (s is null)
        {
            return NotFound();
        }

        if (!SessionAccess.CanManage(User, s.Kind))
        {
            return NotFound(); // not one of theirs to manage: nothing there for them
        }

        Session = s;
        Audience = await access.AudienceNameAsync(s, ct);
        var people = await access.AudienceAsync(s, ct);
        var ids = people.Select(p => p.Id).ToList();
        var attendance = await db.Attendances.AsNoTracking().Where(a => a.SessionId == id && ids.Contains(a.EmployeeId)).ToDictionaryAsync(a => a.EmployeeId, ct);
        Rows = people.Select(p => (p, attendance.GetValueOrDefault(p.Id))).ToList();
        return Page();
    }
}
