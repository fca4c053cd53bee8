using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Records.Checklists;

/// <summary>Adds an item at the end of a post's checklist; a refusal keeps what was typed and marks the field.</summary>
[Authorize(Policy = Policies.ChecklistsManage)]
public sealed class NewModel(ChecklistService service, AppDbContext db, IStringLocalizer<Text> text) : ItemFormModel(text)
{
    [BindProperty(SupportsGet = true)] public int? PostId { get; set; }

    public IReadOnlyList<Post> Posts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Posts = await db.Posts.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Posts = await db.Posts.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        try
        {
            if (await service.AddAsync(new ChecklistItemInput(PostId, ItemText, ItemTextEn, Note), ct) is not { } item)
            {
                Problems[nameof(PostId)] = Texts["Choose a post."];
                return Page();
            }

            return LocalRedirect($"/records/checklists?saved={item.Id}");
        }
        catch (Exception e) when (e is DomainException || DbErrors.IsConflict(e))
        {
            if (e.Message == "Choose a post.")
            {
                Problems[nameof(PostId)] = Texts[e.Message];
            }
            else
            {
                Refused(e);
            }

            return Page();
        }
    }
}
