using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Records.Checklists;

/// <summary>新上岗/转岗人员培训表 — each post's checklist as it is now, and its earlier items with who changed them, when and why.</summary>
[Authorize(Policy = Policies.ResultsRead)]
public sealed class IndexModel(ChecklistService service, AppDbContext db, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<(Post Post, List<PostChecklistItem> Items)> Posts { get; private set; } = [];
    public IReadOnlyList<PostChecklistItem> Earlier { get; private set; } = [];
    public IReadOnlyDictionary<int, int> Confirmed { get; private set; } = new Dictionary<int, int>();
    public bool CanChange { get; private set; }
    public string? Flash { get; private set; }
    public bool Chinese { get; } = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public async Task OnGetAsync(int? saved, int? retired, CancellationToken ct)
    {
        CanChange = User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.SystemAdmin);
        Posts = await service.CurrentAsync(ct);
        Earlier = await db.PostChecklistItems.AsNoTracking().Where(i => i.RetiredAt != null).OrderByDescending(i => i.RetiredAt).Take(100).ToListAsync(ct);
        Confirmed = await service.ConfirmationCountsAsync(ct);
        if ((saved ?? retired) is { } id && await service.FindAsync(id, ct) is { } item)
        {
            var post = Posts.FirstOrDefault(p => p.Post.Id == item.PostId).Post?.DisplayName(Chinese) ?? "";
            Flash = saved is not null
                ? text["Saved: “{0}” on the checklist of {1}, version {2}.", item.DisplayText(Chinese), post, item.Version]
                : text["Removed: “{0}” from the checklist of {1}. The confirmations given for it stay.", item.DisplayText(Chinese), post];
        }
    }
}
