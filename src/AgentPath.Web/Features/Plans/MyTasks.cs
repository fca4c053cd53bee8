using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Plans;

/// <summary>What waits for the signed-in person from training: needs surveys to answer, homework to do, new business to sign for or be examined on.</summary>
public sealed class MyTrainingTasksViewComponent(SurveyService surveys, AssignmentService assignments, TimeProvider time) : ViewComponent
{
    public sealed record Task(string Kind, string Title, string Href, DateTimeOffset? Due);

    public async Task<IViewComponentResult> InvokeAsync(bool showEmpty = false)
    {
        var list = new List<Task>();
        var user = HttpContext.User;
        if (PlanActor.EmployeeId(user) is { } me)
        {
            var ct = HttpContext.RequestAborted;
            var now = time.GetUtcNow();
            foreach (var s in await surveys.WaitingForAsync(me, ct))
            {
                list.Add(new Task("Needs survey", s.Title, $"/plans/surveys/{s.Id}/answer", null));
            }

            foreach (var h in await (await assignments.HomeworkAsync(user, ct)).AsNoTracking().Include(h => h.Audience).Where(h => h.DueAt > now).ToListAsync(ct))
            {
                var mine = (await assignments.CompletionAsync(h, ct)).FirstOrDefault(c => c.EmployeeId == me);
                if (mine is { Done: false })
                {
                    list.Add(new Task("Homework", h.Title, $"/plans/homework/{h.Id}", h.DueAt));
                }
            }

            foreach (var n in await (await assignments.NewBusinessAsync(user, ct)).AsNoTracking().Include(n => n.Audience).Include(n => n.SignOffs).ToListAsync(ct))
            {
                if (await assignments.IsForMeAsync(n, user, ct) && (await assignments.CompletionAsync(n, ct)).FirstOrDefault(c => c.EmployeeId == me) is { Done: false })
                {
                    list.Add(new Task("New-business training", n.Title, $"/plans/new-business/{n.Id}", null));
                }
            }
        }

        return View("~/Features/Plans/_MyTasks.cshtml", (list, showEmpty));
    }
}

/// <summary>Plans waiting for the signed-in person's step: a department manager's approval, HR's submission or issue, the general manager's revision approval.</summary>
public sealed class PlansWaitingViewComponent(PlanAccess access) : ViewComponent
{
    public sealed record Waiting(int PlanId, string Department, string Month, string Action);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        var ct = HttpContext.RequestAborted;
        var list = new List<Waiting>();
        var isManager = user.IsInRole(People.Roles.DepartmentManager);
        var isHr = user.IsInRole(People.Roles.Hr);
        var isGm = user.IsInRole(People.Roles.GeneralManager);
        if (isManager || isHr || isGm)
        {
            var own = isManager ? await access.OwnDepartmentAsync(user, ct) : null;
            var plans = await (await access.PlansAsync(ct)).AsNoTracking().Include(p => p.Department).Include(p => p.Revisions)
                .Where(p => p.Status != PlanStatus.Issued || p.Revisions.Any(r => r.Status == RevisionStatus.Pending))
                .OrderBy(p => p.Month).ToListAsync(ct);
            foreach (var p in plans)
            {
                if (isManager && p.Status == PlanStatus.Submitted && p.DepartmentId == own)
                {
                    list.Add(new Waiting(p.Id, p.Department.Name, p.Month, "Waiting for your approval"));
                }

                if (isHr && p.Status == PlanStatus.Approved)
                {
                    list.Add(new Waiting(p.Id, p.Department.Name, p.Month, "Approved; to be issued"));
                }

                if (isGm && p.HasPendingRevision)
                {
                    list.Add(new Waiting(p.Id, p.Department.Name, p.Month, "A revision waits for your approval"));
                }
            }
        }

        return View("~/Features/Plans/_PlansWaiting.cshtml", list);
    }
}
