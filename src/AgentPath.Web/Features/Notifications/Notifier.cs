using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Notifications;

/// <summary>Posts in-app notifications. Any feature may use it; it knows none of them.</summary>
public sealed class Notifier(AppDbContext db, TimeProvider time)
{
    /// <summary>Adds a notification to the context; it is saved with the caller's other changes.</summary>
    public void Post(int userId, string messageKey, IEnumerable<string>? args = null, string? link = null) =>
        db.Notifications.Add(new Notification(userId, messageKey, JsonSerializer.Serialize(args?.ToArray() ?? []), link, time.GetUtcNow()));

    public Task<int> UnreadCountAsync(int userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public static string Render(Notification n, IStringLocalizer text)
    {
        var args = JsonSerializer.Deserialize<string[]>(n.Args) ?? [];
        return args.Length == 0 ? text[n.MessageKey] : text[n.MessageKey, args.Cast<object>().ToArray()];
    }

    public static int? UserIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services.AddScoped<Notifier>();
}
