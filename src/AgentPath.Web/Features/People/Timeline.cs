using System.Globalization;
using System.Text.Json;
using AgentPath.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.People;

/// <summary>One entry on a person's timeline. The title is a resource key with arguments.</summary>
public sealed record TimelineItem(DateTimeOffset At, string TitleKey, object[] TitleArgs, string? Detail = null);

/// <summary>
/// Anything that puts entries on a person's timeline. People defines it; higher features (the
/// pipeline's stage events, exams, QA evaluations) implement it, so People never names them.
/// </summary>
public interface ITimelineSource
{
    Task<IReadOnlyList<TimelineItem>> ForAsync(Employee person, CancellationToken ct);
}

/// <summary>The hire date and the audited changes to the person's own record.</summary>
public sealed class RecordTimelineSource(AppDbContext db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> ForAsync(Employee person, CancellationToken ct)
    {
        var key = person.Id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Employee) && a.Key == key)
            .OrderByDescending(a => a.Id).Take(50).ToListAsync(ct);
        var items = new List<TimelineItem>
        {
            new(CenterClock.StartOf(person.HireDate), "Hired", []),
        };
        foreach (var a in entries)
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(a.Changes) ?? [];
            var detail = a.Action == AuditAction.Updated
                ? string.Join("; ", fields.Select(f => $"{f.Key}: {Show(f.Value[0])} → {Show(f.Value[1])}"))
                : null;
            items.Add(new TimelineItem(a.At, a.Action == AuditAction.Created ? "Record created by {0}" : "Record changed by {0}", [a.UserName], detail));
        }

        return items;
    }

    private static string Show(JsonElement v) => v.ValueKind == JsonValueKind.Null ? "—" : v.ToString();
}
