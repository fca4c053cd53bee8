using AgentPath.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Plans.Monthly;

/// <summary>培训评估 — session feedback per trainer and course, and the effect follow-up of a month's plan items (scores before and after).</summary>
public sealed class EvaluationModel(TrainingEvaluation evaluation, PlanAccess access, AppDbContext db, TimeProvider time) : PageModel
{
    public string Month { get; private set; } = "";
    public IReadOnlyList<TrainingEvaluation.FeedbackRow> ByTrainer { get; private set; } = [];
    public IReadOnlyList<TrainingEvaluation.FeedbackRow> ByCourse { get; private set; } = [];
    public IReadOnlyList<(TrainingPlan Plan, PlanItem Item, TrainingEvaluation.Effect Effect)> Effects { get; private set; } = [];

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        var today = PlanMonth.Today(time);
        Month = PlanMonth.TryParse(month, out var first) ? PlanMonth.Of(first) : PlanMonth.Of(today.AddMonths(-1));
        (ByTrainer, ByCourse) = await evaluation.FeedbackAsync(time.GetUtcNow().AddDays(-90), ct);
        var m = Month;
        var plans = await (await access.PlansAsync(ct)).AsNoTracking().Where(p => p.Month == m).Include(p => p.Department).Include(p => p.Items)
            .AsSplitQuery().ToListAsync(ct);
        var areas = await PlansApi.AreasAsync(db, ct);
        var list = new List<(TrainingPlan, PlanItem, TrainingEvaluation.Effect)>();
        foreach (var plan in plans)
        {
            foreach (var e in await evaluation.EffectsAsync(plan, areas, ct))
            {
                list.Add((plan, plan.Items.First(i => i.Id == e.ItemId), e));
            }
        }

        Effects = list;
    }
}
