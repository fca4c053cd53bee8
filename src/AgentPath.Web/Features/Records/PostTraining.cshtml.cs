using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Records;

/// <summary>
/// 新上岗/转岗人员培训表 — the new-post / transfer training form (R8.2): for each post the person holds,
/// the checklist of what they must be trained on; the trainee confirms each part themselves (with the
/// time), and the page prints on A4 for the archive.
/// </summary>
public sealed class PostTrainingModel(DataScopeProvider scope, AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Section(Post Post, IReadOnlyList<(PostChecklistItem Item, PostChecklistConfirmation? Confirmation)> Items);

    public Employee Person { get; private set; } = null!;
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public bool IsSelf { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool? saved, CancellationToken ct)
    {
        Saved = saved == true;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The trainee confirms one part; confirming again changes nothing.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int id, int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!IsSelf)
        {
            return Forbid();
        }

        var entry = Sections.SelectMany(s => s.Items).FirstOrDefault(i => i.Item.Id == itemId);
        if (entry.Item is null || !entry.Item.IsCurrent)
        {
            return NotFound();
        }

        if (entry.Confirmation is null)
        {
            db.PostChecklistConfirmations.Add(new PostChecklistConfirmation(id, itemId, time.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Confirmed twice at once (a double tap): the first one stands.
            }
        }

        return LocalRedirect($"/records/post-training/{id}?saved=true#item-{itemId}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await (await scope.PeopleAsync(ct)).AsNoTracking().Include(e => e.Department).Include(e => e.Team).Include(e => e.Posts)
            .FirstOrDefaultAsync(e => e.Id == id, ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        IsSelf = (await scope.GetAsync(ct)).SelfEmployeeId == id;
        var postIds = person.Posts.Select(p => p.Id).ToList();
        var items = await db.PostChecklistItems.AsNoTracking().Where(i => postIds.Contains(i.PostId)).OrderBy(i => i.PostId).ThenBy(i => i.Order).ThenBy(i => i.Version).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var confirmations = await db.PostChecklistConfirmations.AsNoTracking().Where(c => c.EmployeeId == id && itemIds.Contains(c.ItemId)).ToDictionaryAsync(c => c.ItemId, ct);
        // The items on the form now, and the retired ones this person confirmed: a confirmation keeps the text that was confirmed.
        Sections = person.Posts.OrderBy(p => p.Id)
            .Select(p => new Section(p, items.Where(i => i.PostId == p.Id && (i.IsCurrent || confirmations.ContainsKey(i.Id))).Select(i => (i, confirmations.GetValueOrDefault(i.Id))).ToList()))
            .Where(s => s.Items.Count > 0).ToList();
        return true;
    }
}
