using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Notifications;

public static class NotificationsApi
{
    public sealed record NotificationDto(long Id, string Message, string? Link, DateTimeOffset CreatedAt, bool Read);

    public static void MapNotificationsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");

        g.MapGet("", async (HttpContext http, AppDbContext db, IStringLocalizer<Text> text, bool? unreadOnly) =>
        {
            var me = Notifier.UserIdOf(http.User);
            var q = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
            if (unreadOnly == true)
            {
                q = q.Where(n => n.ReadAt == null);
            }

            var rows = await q.OrderByDescending(n => n.Id).Take(100).ToListAsync();
            return rows.Select(n => new NotificationDto(n.Id, Notifier.Render(n, text), n.Link, n.CreatedAt, n.ReadAt is not null)).ToList();
        });

        g.MapPost("/{id:long}/read", async Task<Results<NoContent, NotFound>> (long id, HttpContext http, AppDbContext db, TimeProvider time) =>
        {
            var me = Notifier.UserIdOf(http.User);
            var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == me);
            if (n is null)
            {
                return TypedResults.NotFound();
            }

            n.MarkRead(time.GetUtcNow());
            await db.SaveChangesAsync();
            return TypedResults.NoContent();
        });
    }
}
