using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Admin;

/// <summary>The audit trail: every change to domain data, filtered by entity, key, user and date. Read-only.</summary>
public sealed class AuditModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> EntityNames { get; private set; } = [];
    public int Total { get; private set; }
    public const int PageSize = 50;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(Entity))
        {
            q = q.Where(a => a.Entity == Entity);
        }

        if (!string.IsNullOrEmpty(Key))
        {
            q = q.Where(a => a.Key == Key);
        }

        if (!string.IsNullOrEmpty(UserName))
        {
            q = q.Where(a => a.UserName == UserName);
        }

        if (From is { } from)
        {
            var start = CenterClock.StartOf(from);
            q = q.Where(a => a.At >= start);
        }

        if (To is { } to)
        {
            var end = CenterClock.StartOf(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }

        Total = await q.CountAsync(ct);
        Entries = await q.OrderByDescending(a => a.Id).Skip((Math.Max(1, PageNumber) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        EntityNames = await db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
    }

    public string PageLink(int page) => Url.Page("/Admin/Audit", new { entity = Entity, key = Key, user = UserName, from = From, to = To, p = page })!;
}
