using System.Security.Cryptography;
using System.Text;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Training;

/// <summary>
/// 扫码签到 — the trainee's sign-in on a phone: they type the eight digits shown in the room. The code
/// counts only for an open session (30 minutes before the start to the end) whose audience they are in.
/// Five wrong codes per person and session (<see cref="SignInLock"/>), then that person's sign-in to that
/// session is refused — even with the right code — until a trainer unlocks it on the session page.
/// </summary>
public sealed class SignInModel(SessionAccess access, AppDbContext db, WriteGate gate, TimeProvider time, IStringLocalizer<Text> text) : PageModel
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
            Error = text["The code has eight digits."];
            return Page();
        }

        // One writer at a time on SQLite; the tries are counted by conditional updates on both databases.
        using var writing = await gate.EnterAsync(ct);
        var now = time.GetUtcNow();
        var until = now.AddMinutes(30);
        var open = new List<TrainingSession>();
        foreach (var s in (await db.TrainingSessions.Where(s => s.EndsAt >= now && s.StartsAt <= until).ToListAsync(ct)).OrderBy(s => s.StartsAt).ThenBy(s => s.Id))
        {
            if (s.SignInOpenAt(now) && await access.InAudienceAsync(s, me, ct))
            {
                open.Add(s);
            }
        }

        // A try is taken on every session open to the person before the code is compared: a guess counts
        // against each session it could have opened, and a locked session's code is never compared (so
        // the answer for a locked session does not tell a right code from a wrong one).
        var tried = new List<TrainingSession>();
        var locked = new List<TrainingSession>();
        foreach (var s in open)
        {
            (await SignInLock.TakeTryAsync(db, s.Id, me, now, ct) ? tried : locked).Add(s);
        }

        var session = tried.FirstOrDefault(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s.SignInCode), Encoding.ASCII.GetBytes(code)));
        if (session is null)
        {
            var lockedNow = await db.SignInLocks.Where(l => l.EmployeeId == me && l.Wrong >= SignInLock.MaxWrong).Select(l => l.SessionId).ToListAsync(ct);
            var lockedTitles = open.Where(s => lockedNow.Contains(s.Id)).Select(s => s.Title).ToList();
            Error = lockedTitles.Count > 0
                ? text["Too many wrong codes for {0}. Ask the trainer to unlock your sign-in on the session page.", string.Join(", ", lockedTitles)]
                : text["No open session of yours has this code. Check the code shown in the room."];
            return Page();
        }

        foreach (var s in tried)
        {
            await SignInLock.GiveBackAsync(db, s.Id, me, ct);
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
