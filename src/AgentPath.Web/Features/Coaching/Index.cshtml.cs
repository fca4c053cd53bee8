using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Coaching;

/// <summary>见习期 — the apprentices in the user's scope: day of 30 with the day-20/25 warnings and overdue flag, today's evaluation, coaching steps reached.</summary>
public sealed class IndexModel(DataScopeProvider scope, AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(Employee Person, string? Team, int Day, ApprenticeshipAlert Alert, DateOnly Deadline, bool EvaluatedToday, int Steps, decimal? Average);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public static async Task<List<Row>> ApprenticesAsync(DataScopeProvider scope, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var s = await scope.GetAsync(ct);
        var me = s.SelfEmployeeId ?? -1;
        var today = ApprenticeshipLimit.Today(time);
        var people = await (await scope.PeopleAsync(ct)).AsNoTracking().Include(e => e.Team)
            .Where(e => e.Stage == Stage.Apprenticeship && e.Id != me).OrderBy(e => e.StageSince).ThenBy(e => e.EmployeeNumber).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var evals = await db.DailyEvaluations.AsNoTracking().Where(d => ids.Contains(d.ApprenticeId)).ToListAsync(ct);
        var steps = await db.CoachingSteps.AsNoTracking().Where(c => ids.Contains(c.ApprenticeId)).GroupBy(c => c.ApprenticeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return people.Select(p =>
        {
            var mine = evals.Where(d => d.ApprenticeId == p.Id && d.On >= p.StageStart).ToList();
            return new Row(p, p.Team?.Name, ApprenticeshipLimit.DayOf(p.StageStart, today), ApprenticeshipLimit.AlertFor(p.StageStart, today),
                ApprenticeshipLimit.Deadline(p.StageStart), mine.Any(d => d.On == today && d.EvaluatorEmployeeId == s.SelfEmployeeId),
                steps.GetValueOrDefault(p.Id), mine.Count == 0 ? null : Math.Round(mine.Average(d => d.Score), 1));
        }).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ApprenticesAsync(scope, db, time, ct);
}
