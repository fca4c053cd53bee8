using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Records;

/// <summary>员工考核评定表 — the employee assessment form of a gate sitting (R8.3): parts, scores and sources, composite, outcome and the assessor's signature, printable.</summary>
public sealed class AssessmentModel(DataScopeProvider scope, AppDbContext db) : PageModel
{
    public GateResult Result { get; private set; } = null!;
    public Employee Person { get; private set; } = null!;
    /// <summary>The gate version the result was decided under (its rules, even when a newer version exists).</summary>
    public GateDefinition Gate { get; private set; } = null!;
    public Certificate? Certificate { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var r = await db.GateResults.AsNoTracking().Include(x => x.Parts).FirstOrDefaultAsync(x => x.Id == id, ct);
        var person = r is null ? null : await (await scope.PeopleAsync(ct)).AsNoTracking().Include(e => e.Department).Include(e => e.Team).FirstOrDefaultAsync(e => e.Id == r.EmployeeId, ct);
        if (person is null)
        {
            return NotFound();
        }

        Result = r!;
        Person = person;
        Gate = await db.GateDefinitions.AsNoTracking().FirstAsync(g => g.Id == r!.GateDefinitionId, ct);
        Certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.GateResultId == id, ct);
        return Page();
    }
}
