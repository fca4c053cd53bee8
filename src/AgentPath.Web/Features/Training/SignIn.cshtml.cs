using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Training;

/// <summary>
/// 扫码签到 — the trainee's sign-in on a phone: they type the six digits shown in the room. The code
/// counts only for an open session (30 minutes before the start to the end) whose audience they are in.
/// </summary>
public sealed class SignInModel(SessionAccess access, AppDbContext db, TimeProvider time, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }
    public bool Linked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Linked = await access.SelfAsync(ct) is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var self = await access.SelfAsync(ct);
        Linked = self is not null;
        if (self is not { } me)
        {
            Error = text["Your account is not linked to a person."];
            return Page();
        }

        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != TrainingSession.CodeLength)
        {
            Error = text["The code has six digits."];
            return Page();
        }

        var now = time.GetUtcNow();
        var until = now.AddMinutes(30);
        var candidates = await db.TrainingSessions.Where(s => s.SignInCode == code && s.EndsAt >= now && s.StartsAt <= until).ToListAsync(ct);
        TrainingSession? session = null;
        foreach (var s in candidates.Where(s => s.SignInOpenAt(now)))
        {
            if (await access.InAudienceAsync(s, me, ct))
            {
                session = s;
                break;
            }
        }

        if (session is null)
        {
            Error = text["No open session of yours has this code. Check the code shown in the room."];
            return Page();
        }

        if (await db.Attendances.AnyAsync(a => a.SessionId == session.Id && a.EmployeeId == me, ct))
        {
            return LocalRedirect($"/training/sessions/{session.Id}?saved=already");
        }

        try
        {
            db.Attendances.Add(Attendance.SignIn(session, me, now, User.Identity?.Name ?? ""));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            return Page();
        }
        catch (DbUpdateException)
        {
            // Signed in twice at once (a double tap): the first one stands.
        }

        return LocalRedirect($"/training/sessions/{session.Id}?saved=signed-in");
    }
}
