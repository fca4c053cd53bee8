using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Pipeline;

/// <summary>
/// R3.4: the 30-day apprenticeship limit notifies the team lead and the supervisor at days 20, 25
/// and 30, once each, and the apprentice's page shows the gate as due.
/// </summary>
public sealed class ApprenticeshipReminderTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private sealed record Apprentice(int Id, string Name, DateOnly Since, int DepartmentId, int? LeadEmployeeId);

    private Task<List<Apprentice>> ApprenticesAsync() => factory.QueryAsync(db => db.Employees
        .Where(e => e.Stage == Stage.Apprenticeship)
        .Select(e => new Apprentice(e.Id, e.Name, e.StageSince ?? e.HireDate, e.DepartmentId, e.Team!.LeadEmployeeId))
        .ToListAsync());

    private Task<List<(int UserId, string Key)>> RemindersOfAsync(int apprenticeId) => factory.QueryAsync(async db =>
        (await db.Notifications.Where(n => n.Link == $"/coaching/{apprenticeId}").Select(n => new { n.UserId, n.MessageKey }).ToListAsync())
        .Select(n => (n.UserId, n.MessageKey)).ToList());

    private Task<(int Lead, int Supervisor)> LeadAndSupervisorAsync(Apprentice a) => factory.QueryAsync(async db =>
    {
        var lead = await db.Users.Where(u => u.EmployeeId == a.LeadEmployeeId).Select(u => u.Id).SingleAsync();
        var supervisor = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                join u in db.Users on ur.UserId equals u.Id
                                join e in db.Employees on u.EmployeeId equals e.Id
                                where r.Name == Roles.Supervisor && e.DepartmentId == a.DepartmentId
                                select u.Id).FirstAsync();
        return (lead, supervisor);
    });

    private DateOnly Today => AgentPath.Web.CenterClock.DateOf(factory.Clock.GetUtcNow());

    [Fact]
    public async Task The_lead_and_supervisor_are_reminded_once_at_day_20_25_and_30()
    {
        var job = factory.Service<ApprenticeshipAlertJob>();
        await job.RunOnceAsync(default);

        var demoLead = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "lead").Select(u => u.EmployeeId).SingleAsync());
        var all = await ApprenticesAsync();
        var early = all.Where(a => a.LeadEmployeeId == demoLead && ApprenticeshipLimit.DayOf(a.Since, Today) < 20).OrderBy(a => a.Since).First();
        var day = ApprenticeshipLimit.DayOf(early.Since, Today);
        var (lead, supervisor) = await LeadAndSupervisorAsync(early);
        Assert.Empty(await RemindersOfAsync(early.Id));

        // Day 20: both get the first reminder; running again (a restart, another node's turn) adds nothing.
        factory.Clock.Advance(TimeSpan.FromDays(20 - day));
        // (Advancing the clock also ticks the job's own timer; either run may post them.)
        await job.RunOnceAsync(default);
        var reminders = await RemindersOfAsync(early.Id);
        Assert.Equal(0, await job.RunOnceAsync(default));
        Assert.Equal(reminders.Count, (await RemindersOfAsync(early.Id)).Count);
        Assert.Contains((lead, ApprenticeshipAlertJob.Reminders[0].Message), reminders);
        Assert.Contains((supervisor, ApprenticeshipAlertJob.Reminders[0].Message), reminders);

        // Day 25 and day 30: one more each, to each of them.
        factory.Clock.Advance(TimeSpan.FromDays(5));
        await job.RunOnceAsync(default);
        factory.Clock.Advance(TimeSpan.FromDays(5));
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);
        reminders = await RemindersOfAsync(early.Id);
        foreach (var (_, message) in ApprenticeshipAlertJob.Reminders)
        {
            Assert.Equal(1, reminders.Count(r => r.UserId == lead && r.Key == message));
            Assert.Equal(1, reminders.Count(r => r.UserId == supervisor && r.Key == message));
        }

        // The lead reads it in Chinese, linked to the apprentice, whose page shows the gate as due.
        var client = await factory.SignedInAsync("lead");
        var notifications = await client.GetStringAsync("/notifications");
        Assert.Contains($"{early.Name}", notifications);
        Assert.Contains("已到见习期最后一天（第 30 天）：阶段评估现已到期", notifications);
        var page = await client.GetStringAsync($"/coaching/{early.Id}");
        Assert.Contains("阶段评估须在 " + ApprenticeshipLimit.Deadline(early.Since).ToString("yyyy-MM-dd") + " 前完成", page);
    }
}
