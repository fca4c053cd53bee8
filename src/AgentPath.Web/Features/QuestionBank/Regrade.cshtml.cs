using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.QuestionBank;

/// <summary>Correct a wrong key and regrade every attempt that showed this version; the original scores stay beside the new ones.</summary>
public sealed class RegradeModel(AppDbContext db, ExamEngine engine, IStringLocalizer<Text> text) : PageModel
{
    public Question Question { get; private set; } = null!;
    public int Attempts { get; private set; }
    public string? Error { get; private set; }
    public int? Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, List<int> right, string? accepted, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            Error = text["Say why the key is corrected."];
            return Page();
        }

        var q = await db.Questions.SingleAsync(x => x.Id == id, ct);
        var rightCount = Math.Max(1, right.Count);
        var fractions = q.Options.ToDictionary(o => o.Id, o => right.Contains(o.Id) ? (q.Type == QuestionType.Multiple ? 1m / rightCount : 1m) : 0m);
        try
        {
            q.CorrectKey(fractions, (accepted ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            return Page();
        }

        await db.SaveChangesAsync(ct);
        Changed = await engine.RegradeAsync(id, reason.Trim(), ct);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var q = await db.Questions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (q is null || q.Type == QuestionType.Short)
        {
            return false;
        }

        Question = q;
        Attempts = await db.AttemptItems.CountAsync(i => i.QuestionId == id && i.Attempt.Status == AttemptStatus.Submitted, ct);
        return true;
    }
}
