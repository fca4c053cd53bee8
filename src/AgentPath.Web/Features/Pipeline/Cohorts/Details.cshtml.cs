using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Pipeline.Cohorts;

/// <summary>A cohort: each trainee's day-by-day attendance, the day-6 talk minutes (under 120 flagged), the day-7 gate; scheduling from the program.</summary>
public sealed class DetailsModel(DataScopeProvider scope, AppDbContext db, CohortService cohorts, IStringLocalizer<Text> text) : PageModel
{
    public sealed record Trainee(CohortMember Member, Employee Person, IReadOnlyDictionary<int, Attendance> ByDay, GateResult? LastGate);

    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<TrainingSession> Sessions { get; private set; } = [];
    public IReadOnlyList<Trainee> Trainees { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanManage => User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Hr);
    public bool CanMark => User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Hr) || User.IsInRole(Roles.Supervisor);
    public bool CanAssess => User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.DepartmentManager);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScheduleAsync(int id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        try
        {
            await cohorts.ScheduleAsync(id, null, ct);
            return LocalRedirect($"/cohorts/{id}");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            return Page();
        }
    }

    public async Task<IActionResult> OnPostMinutesAsync(int id, int memberId, int? minutes, CancellationToken ct)
    {
        if (!CanMark)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var member = Trainees.FirstOrDefault(t => t.Member.Id == memberId)?.Member;
        if (member is null)
        {
            return NotFound();
        }

        try
        {
            var tracked = await db.CohortMembers.SingleAsync(m => m.Id == member.Id, ct);
            tracked.RecordTalkMinutes(minutes ?? -1);
            await db.SaveChangesAsync(ct);
            return LocalRedirect($"/cohorts/{id}");
        }
        catch (DomainException e)
        {
            Error = text[e.Message];
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = await scope.GetAsync(ct);
        var people = await scope.PeopleAsync(ct);
        var cohort = await db.Cohorts.AsNoTracking().Include(c => c.Trainer).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null)
        {
            return false;
        }

        var members = await (from m in db.CohortMembers.AsNoTracking()
                             join e in people.Include(e => e.Team) on m.EmployeeId equals e.Id
                             where m.CohortId == id
                             orderby e.EmployeeNumber
                             select new { m, e }).ToListAsync(ct);
        if (members.Count == 0 && !s.Everyone)
        {
            return false;
        }

        Cohort = cohort;
        Sessions = await db.TrainingSessions.AsNoTracking().Include(x => x.Instructor).Where(x => x.CohortId == id).OrderBy(x => x.StartsAt).ToListAsync(ct);
        var sessionIds = Sessions.Select(x => x.Id).ToList();
        var ids = members.Select(m => m.e.Id).ToList();
        var attendance = await db.Attendances.AsNoTracking().Where(a => sessionIds.Contains(a.SessionId) && ids.Contains(a.EmployeeId)).ToListAsync(ct);
        var gates = await db.GateResults.AsNoTracking().Where(r => ids.Contains(r.EmployeeId) && r.Stage == Stage.Induction).ToListAsync(ct);
        var dayOf = Sessions.Where(x => x.ProgramDay != null).ToDictionary(x => x.Id, x => x.ProgramDay!.Value);
        Trainees = members.Select(x => new Trainee(x.m, x.e,
            attendance.Where(a => a.EmployeeId == x.e.Id && dayOf.ContainsKey(a.SessionId)).ToDictionary(a => dayOf[a.SessionId]),
            gates.Where(g => g.EmployeeId == x.e.Id).MaxBy(g => g.Id))).ToList();
        return true;
    }
}
