using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Records;

/// <summary>The public verification page of a certificate: only its number, post, date and whether it is valid — no personal data beyond what the holder shows.</summary>
public sealed class VerifyModel(AppDbContext db) : PageModel
{
    public Certificate? Certificate { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (token.Length != 32)
        {
            return NotFound();
        }

        Certificate = await db.Certificates.AsNoTracking().Include(c => c.Post).FirstOrDefaultAsync(c => c.Token == token, ct);
        return Certificate is null ? NotFound() : Page();
    }
}
