using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentPath.Web.Features.Training.Sessions;

/// <summary>The sign-in code of a session, big, for the projector in the training room; trainees type it at /training/sign-in.</summary>
public sealed class CodeModel(SessionAccess access, TimeProvider time) : PageModel
{
    public TrainingSession Session { get; private set; } = null!;
    public bool Open { get; private set; }
    public string SignInUrl { get; private set; } = "";

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
        Open = s.SignInOpenAt(time.GetUtcNow());
        SignInUrl = $"{Request.Scheme}://{Request.Host}/training/sign-in";
        return Page();
    }
}
