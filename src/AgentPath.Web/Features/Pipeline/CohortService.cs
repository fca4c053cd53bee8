using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Induction;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>A cohort as lists show it: how many of its members (in the user's scope) are in each stage.</summary>
public sealed record CohortRow(int Id, string Name, DateOnly StartDate, string? TrainerName, IReadOnlyDictionary<string, int> Counts, int Members);

public static class CohortQueries
{
    /// <summary>Cohorts with a member in scope (all cohorts for center-wide roles), newest first.</summary>
    public static async Task<List<CohortRow>> ListAsync(AppDbContext db, DataScope scope, IQueryable<Employee> people, CancellationToken ct)
    {
        var counts = await (from m in db.CohortMembers
                            join e in people on m.EmployeeId equals e.Id
                            group m by new { m.CohortId, e.Stage } into g
                            select new { g.Key.CohortId, g.Key.Stage, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(c => c.CohortId).Distinct().ToList();
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => scope.Everyone || ids.Contains(c.Id))
            .OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.StartDate, Trainer = c.Trainer != null ? c.Trainer.Name : null }).ToListAsync(ct);
        return cohorts.Select(c =>
        {
            var mine = counts.Where(x => x.CohortId == c.Id).ToList();
            var byStage = Stages.All.ToDictionary(s => s.ToString(), s => mine.Where(x => x.Stage == s).Sum(x => x.Count));
            return new CohortRow(c.Id, c.Name, c.StartDate, c.Trainer, byStage, mine.Sum(x => x.Count));
        }).ToList();
    }
}

/// <summary>Creates cohorts from lists of new hires and schedules their induction from the current program template.</summary>
public sealed class CohortService(AppDbContext db, TimeProvider time, ICurrentActor actor)
{
    public async Task<Cohort> CreateAsync(string name, DateOnly? startDate, int? trainerId, IReadOnlyList<string> employeeNumbers, CancellationToken ct)
    {
        if (startDate is null)
        {
            throw new DomainException("A cohort needs a start date.");
        }

        var numbers = employeeNumbers.Select(Employee.NormalizeNumber).Where(n => n.Length > 0).Distinct().ToList();
        if (numbers.Count == 0)
        {
            throw new DomainException("A cohort needs at least one new hire.");
        }

        var people = await db.Employees.Include(e => e.Department).Where(e => numbers.Contains(e.EmployeeNumber)).ToListAsync(ct);
        if (people.Count != numbers.Count)
        {
            throw new DomainException("Some employee numbers are unknown.");
        }

        var ids = people.Select(p => p.Id).ToList();
        if (await db.CohortMembers.AnyAsync(m => ids.Contains(m.EmployeeId), ct))
        {
            throw new DomainException("Someone on the list is in another cohort already.");
        }

        if (people.Any(p => p.HireDate > startDate.Value))
        {
            throw new DomainException("A cohort cannot start before the hire date of a member.");
        }

        if (trainerId is { } tid && !await db.Employees.AnyAsync(e => e.Id == tid, ct))
        {
            throw new DomainException("Unknown trainer.");
        }

        var cohort = new Cohort(name, startDate.Value, people[0].Department.SiteId, trainerId);
        foreach (var p in people)
        {
            cohort.Add(p);
        }

        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(ct);
        return cohort;
    }

    /// <summary>One session per program day, 09:00–17:30 in the center's time, owned by the day's role; null when the cohort does not exist.</summary>
    public async Task<int?> ScheduleAsync(int cohortId, IReadOnlyDictionary<string, int>? instructors, CancellationToken ct)
    {
        var cohort = await db.Cohorts.FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null)
        {
            return null;
        }

        if (await db.TrainingSessions.AnyAsync(s => s.CohortId == cohortId, ct))
        {
            throw new DomainException("The cohort's sessions are scheduled already.");
        }

        var program = await db.ProgramTemplates.Include(p => p.Days).Where(p => p.IsCurrent).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("There is no current induction program.");
        var owners = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var role in program.Days.Select(d => d.OwnerRole).Distinct())
        {
            owners[role] = instructors?.GetValueOrDefault(role) is > 0 and var chosen ? chosen
                : role == Roles.Trainer && cohort.TrainerEmployeeId is { } t ? t
                : await DefaultOwnerAsync(role, ct);
        }

        foreach (var day in program.Days.OrderBy(d => d.DayNumber))
        {
            var date = cohort.StartDate.AddDays(day.DayNumber - 1);
            var title = $"D{day.DayNumber} {day.Topics}";
            db.TrainingSessions.Add(new TrainingSession(title.Length > TrainingSession.TitleMax ? title[..TrainingSession.TitleMax] : title, SessionKind.Induction,
                At(date, 9, 0), At(date, 17, 30), "培训室", null, owners[day.OwnerRole], day.OwnerRole, cohort.Id, null, day.DayNumber, day.Goal));
        }

        cohort.MarkScheduled(program.Id);
        await db.SaveChangesAsync(ct);
        return program.Days.Count;
    }

    public static DateTimeOffset At(DateOnly date, int hour, int minute)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, CenterClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<int?> DefaultOwnerAsync(string role, CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == role && u.EmployeeId != null
               orderby u.Id
               select u.EmployeeId).FirstOrDefaultAsync(ct);

    public string Actor => actor.UserName;

    public DateTimeOffset Now => time.GetUtcNow();
}
