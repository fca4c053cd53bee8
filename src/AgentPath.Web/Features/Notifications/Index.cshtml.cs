using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Notifications;

/// <summary>The signed-in user's notifications, newest first; opening one marks it read.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = Notifier.UserIdOf(User);
        Items = await db.Notifications.AsNoTracking().Where(n => n.UserId == me).OrderByDescending(n => n.Id).Take(200).ToListAsync();
    }

    public async Task<IActionResult> OnPostReadAsync(long id)
    {
        var me = Notifier.UserIdOf(User);
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == me);
        if (n is null)
        {
            return NotFound();
        }

        n.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync();
        return n.Link is { } link && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var me = Notifier.UserIdOf(User);
        var now = time.GetUtcNow();
        foreach (var n in await db.Notifications.Where(x => x.UserId == me && x.ReadAt == null).ToListAsync())
        {
            n.MarkRead(now);
        }

        await db.SaveChangesAsync();
        return RedirectToPage();
    }
}
