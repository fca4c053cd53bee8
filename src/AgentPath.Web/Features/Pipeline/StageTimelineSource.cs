using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>Puts stage events and gate results on the person's timeline: who, when, why and the composite behind each.</summary>
public sealed class StageTimelineSource(AppDbContext db, IStringLocalizer<Text> text) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> ForAsync(Employee person, CancellationToken ct)
    {
        var events = await db.StageEvents.AsNoTracking().Where(e => e.EmployeeId == person.Id).ToListAsync(ct);
        var results = await db.GateResults.AsNoTracking().Where(r => r.EmployeeId == person.Id).ToListAsync(ct);
        var items = new List<TimelineItem>();
        foreach (var e in events)
        {
            var why = text["Reason." + e.Reason].Value;
            var detail = string.Join(" · ", new[] { why, e.Note, e.Document is null ? null : text["Document: {0}", e.Document].Value, text["by {0}", Infrastructure.Localization.SignedBy.Show(e.By, text)].Value }
                .Where(s => !string.IsNullOrEmpty(s)));
            var title = e.From is { } from
                ? text["Stage changed: {0} → {1}", text["Stage." + from].Value, text["Stage." + e.To].Value].Value
                : text["Entered {0}", text["Stage." + e.To].Value].Value;
            items.Add(new TimelineItem(Effective(e.On, e.At), title, [], detail));
        }

        foreach (var r in results)
        {
            var title = text["Gate of {0}: {1} (composite {2}, sitting {3})", text["Stage." + r.Stage].Value, text["Outcome." + r.Outcome].Value,
                StageService.Format(r.Composite), r.Sitting].Value;
            items.Add(new TimelineItem(Effective(r.On, r.At).AddSeconds(-1), title, [], text["signed by {0}", r.AssessorName].Value));
        }

        return items;
    }

    /// <summary>Orders by the day an event took effect; an event recorded that day keeps its time.</summary>
    private static DateTimeOffset Effective(DateOnly on, DateTimeOffset at)
    {
        var day = CenterClock.FromCenter(on.ToDateTime(new TimeOnly(12, 0)));
        return Math.Abs((at - day).TotalHours) < 24 ? at : day;
    }
}
