using AgentPath.Web.Data;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Training;

/// <summary>
/// The demo's team training sessions (the cohort's induction days come with the pipeline demo): for
/// three teams of both departments a business session last week — attendance with one absence and its
/// reason, trainee feedback — and a general-skills session next week, one of them online.
/// </summary>
public static class TrainingDemoSeed
{
    public static async Task SeedDemoAsync(AppDbContext db, TimeProvider time)
    {
        if (await db.TrainingSessions.AnyAsync(s => s.TeamId != null))
        {
            return;
        }

        var today = ApprenticeshipLimit.Today(time);
        var trainer = await db.Employees.FirstOrDefaultAsync(e => e.Name == "刘洋");
        var supervisor = await db.Employees.FirstOrDefaultAsync(e => e.Name == "张敏");
        var teams = await db.Teams.Where(t => t.Name == "咨询一组" || t.Name == "咨询二组" || t.Name == "回访一组").OrderBy(t => t.Id).ToListAsync();
        if (trainer is null || teams.Count == 0)
        {
            return;
        }

        var lastWeek = today.AddDays(-7);
        var nextWeek = today.AddDays(5);
        var sessions = new List<(TrainingSession Session, int TeamId, bool Past)>();
        foreach (var (team, i) in teams.Select((t, i) => (t, i)))
        {
            var past = new TrainingSession($"{team.Name}业务培训：新品咨询要点与常见问题", SessionKind.Business, CohortService.At(lastWeek.AddDays(i), 14, 0),
                CohortService.At(lastWeek.AddDays(i), 16, 0), "培训室", null, i == 0 && supervisor is not null ? supervisor.Id : trainer.Id, null, null, team.Id);
            var next = new TrainingSession($"{team.Name}综合技能：有效沟通与情绪安抚", SessionKind.GeneralSkills, CohortService.At(nextWeek.AddDays(i), 14, 0),
                CohortService.At(nextWeek.AddDays(i), 15, 30), i == 1 ? null : "培训室", i == 1 ? "https://meeting.example.com/agentpath-skills" : null, trainer.Id, null, null, team.Id);
            sessions.Add((past, team.Id, true));
            sessions.Add((next, team.Id, false));
        }

        db.TrainingSessions.AddRange(sessions.Select(s => s.Session));
        await db.SaveChangesAsync();

        string[] comments = ["讲解清楚，案例贴近实际", "希望多一些模拟演练", "常见问题整理得很实用"];
        foreach (var (s, teamId, _) in sessions.Where(s => s.Past))
        {
            var people = await db.Employees.Where(e => e.TeamId == teamId && e.Stage != Stage.Eliminated && e.Stage != Stage.Left && e.Stage != Stage.Induction)
                .OrderBy(e => e.EmployeeNumber).ToListAsync();
            foreach (var (e, k) in people.Select((e, k) => (e, k)))
            {
                if (k == 2)
                {
                    db.Attendances.Add(Attendance.Mark(s.Id, e.Id, AttendanceStatus.Absent, AbsenceReason.OnDuty, "当班接线，改听录播", s.StartsAt, trainer.Name));
                    continue;
                }

                db.Attendances.Add(Attendance.SignIn(s, e.Id, s.StartsAt.AddMinutes(k == 4 ? 12 : -5 + k % 5), e.Name));
                if (k % 2 == 0)
                {
                    db.SessionFeedbacks.Add(new SessionFeedback(s.Id, e.Id, k % 4 == 0 ? 5 : 4, k < comments.Length * 2 ? comments[k / 2 % comments.Length] : null, s.EndsAt.AddMinutes(5)));
                }
            }
        }

        await db.SaveChangesAsync();
    }
}
