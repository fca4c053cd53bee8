using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Records;

/// <summary>岗位合格证 — the printable certificate (A4, "Save as PDF" from the browser), with the address of its public verification page.</summary>
public sealed class CertificateModel(DataScopeProvider scope, AppDbContext db) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;
    public string VerifyUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var people = await scope.PeopleAsync(ct);
        var c = await db.Certificates.AsNoTracking().Include(x => x.Employee).ThenInclude(e => e.Department).Include(x => x.Post)
            .Where(x => people.Any(p => p.Id == x.EmployeeId)).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return NotFound();
        }

        Certificate = c;
        VerifyUrl = $"{Request.Scheme}://{Request.Host}/verify/{c.Token}";
        return Page();
    }
}
