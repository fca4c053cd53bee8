using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Plans.Surveys;

/// <summary>培训需求调查 — surveys waiting for the signed-in person, and for staff the surveys sent to teams in their scope with their response counts.</summary>
public sealed class IndexModel(SurveyService surveys, AppDbContext db, IAuthorizationService auth, TimeProvider time) : PageModel
{
    public sealed record Row(NeedsSurvey Survey, int Invited, int Answered);

    public IReadOnlyList<NeedsSurvey> Waiting { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool SeesAll { get; private set; }
    public bool CanCreate { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = PlanMonth.Today(time);
        if (PlanActor.EmployeeId(User) is { } me)
        {
            Waiting = await surveys.WaitingForAsync(me, ct);
        }

        SeesAll = (await auth.AuthorizeAsync(User, Policies.PlansRead)).Succeeded;
        CanCreate = (await auth.AuthorizeAsync(User, Policies.TrainingDeliver)).Succeeded;
        if (!SeesAll)
        {
            return;
        }

        var list = await (await surveys.VisibleAsync(ct)).AsNoTracking().Include(s => s.Audience).OrderByDescending(s => s.CreatedAt).Take(100).ToListAsync(ct);
        var ids = list.Select(s => s.Id).ToList();
        var answered = await db.SurveyResponses.Where(r => ids.Contains(r.SurveyId)).GroupBy(r => r.SurveyId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var sizes = await db.Employees.Where(e => e.TeamId != null && e.Stage != Stage.Eliminated && e.Stage != Stage.Left)
            .GroupBy(e => e.TeamId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Rows = list.Select(s => new Row(s, s.Audience.Sum(a => sizes.GetValueOrDefault(a.TeamId)), answered.GetValueOrDefault(s.Id))).ToList();
    }
}
