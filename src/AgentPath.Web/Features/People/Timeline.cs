using System.Globalization;
using AgentPath.Web.Data;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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

/// <summary>
/// The hire date and the audited changes to the person's own record, each change a sentence in the
/// reader's language ("入职日期由 2026-11-02 改为 2026-11-03", "阶段由 见习期 改为 试用期").
/// </summary>
public sealed class RecordTimelineSource(AppDbContext db, AuditText reader, IStringLocalizer<Text> text) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> ForAsync(Employee person, CancellationToken ct)
    {
        var key = person.Id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Employee) && a.Key == key)
            .OrderByDescending(a => a.Id).Take(50).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => u.UserName != null).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        var items = new List<TimelineItem>
        {
            new(CenterClock.StartOf(person.HireDate), "Hired", []),
        };
        foreach (var r in await reader.ReadAsync(entries, ct))
        {
            var a = r.Entry;
            var detail = a.Action == AuditAction.Updated ? string.Join(JsonStringLocalizer.IsChinese(CultureInfo.CurrentUICulture) ? "；" : "; ", r.Changes.Select(Sentence)) : null;
            var by = names.FirstOrDefault(n => n.UserName == a.UserName)?.DisplayName is { Length: > 0 } display ? display : SignedBy.Show(a.UserName, text);
            items.Add(new TimelineItem(a.At, a.Action == AuditAction.Created ? "Record created by {0}" : "Record changed by {0}", [by], detail));
        }

        return items;
    }

    private string Sentence(AuditText.Change c) =>
        c.Old is null ? text["{0} set to {1}", c.Field, c.New ?? "—"].Value
        : c.New is null ? text["{0} cleared (was {1})", c.Field, c.Old].Value
        : text["{0} changed from {1} to {2}", c.Field, c.Old, c.New].Value;
}
