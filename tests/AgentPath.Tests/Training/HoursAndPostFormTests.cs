using System.Net;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Training;

public sealed class HoursAndPostFormTests_Sqlite(SqliteAppFactory f) : HoursAndPostFormTests<SqliteAppFactory>(f);

public sealed class HoursAndPostFormTests_Postgres(PostgresAppFactory f) : HoursAndPostFormTests<PostgresAppFactory>(f);

/// <summary>The probation hours ledger (entry, 70/30 flag, department view) and the new-post training form (the trainee confirms each part).</summary>
public abstract class HoursAndPostFormTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await client.FormTokenAsync(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_trainer_enters_hours_and_the_70_30_figure_follows_with_its_flag()
    {
        var supervisorDept = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "supervisor").Select(u => db.Employees.Single(e => e.Id == u.EmployeeId).DepartmentId).SingleAsync());
        var person = await factory.QueryAsync(db => db.Employees.Where(e => e.Stage == Stage.Probation && e.DepartmentId == supervisorDept).OrderBy(e => e.Id).FirstAsync());
        var today = AgentPath.Web.Features.Coaching.ApprenticeshipLimit.Today(factory.Clock);
        using var trainer = await factory.SignedInAsync("trainer");
        var page = $"/training/hours/{person.Id}";

        var future = await PostFormAsync(trainer, page, page, new() { ["on"] = today.AddDays(1).ToString("yyyy-MM-dd"), ["hours"] = "2", ["category"] = "Business", ["note"] = "业务培训" });
        Assert.Contains("日期不能晚于今天", await future.Content.ReadAsStringAsync());
        var before = await factory.QueryAsync(db => db.TrainingHoursEntries.CountAsync(e => e.EmployeeId == person.Id));

        // 100 general-skills hours push the mix far off 70/30.
        var ok = await PostFormAsync(trainer, page, page, new() { ["on"] = today.ToString("yyyy-MM-dd"), ["hours"] = "24", ["category"] = "GeneralSkills", ["note"] = "情绪与压力管理集训" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(before + 1, await factory.QueryAsync(db => db.TrainingHoursEntries.CountAsync(e => e.EmployeeId == person.Id)));
        var html = await trainer.GetStringAsync(page);
        Assert.Contains("情绪与压力管理集训", html);
        Assert.Contains("偏离70/30目标", html);

        using var supervisor = await factory.SignedInAsync("supervisor");
        var department = await supervisor.GetStringAsync("/training/hours");
        Assert.Contains(person.Name, department);
        var outsider = await factory.QueryAsync(db => db.Employees.Where(e => e.Stage == Stage.Probation && e.DepartmentId != supervisorDept).Select(e => e.Name).FirstOrDefaultAsync());
        if (outsider is not null)
        {
            Assert.DoesNotContain(outsider, department);
        }

        // An agent sees their own ledger but enters nothing.
        using var agent = await factory.SignedInAsync("agent");
        var agentId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "agent").Select(u => u.EmployeeId!.Value).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/training/hours/{agentId}")).StatusCode);
        var self = await PostFormAsync(agent, $"/training/hours/{agentId}", $"/training/hours/{agentId}", new() { ["on"] = today.ToString("yyyy-MM-dd"), ["hours"] = "2", ["category"] = "Business", ["note"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
    }

    [Fact]
    public async Task The_trainee_confirms_each_part_of_the_new_post_form_and_nobody_else_can()
    {
        var agentId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "agent").Select(u => u.EmployeeId!.Value).SingleAsync());
        var items = await factory.QueryAsync(db => db.PostChecklistItems
            .Where(i => db.Employees.Where(e => e.Id == agentId).SelectMany(e => e.Posts).Any(p => p.Id == i.PostId)).OrderBy(i => i.Order).ToListAsync());
        Assert.NotEmpty(items);
        var page = $"/records/post-training/{agentId}";

        using var lead = await factory.SignedInAsync("lead");
        var byLead = await PostFormAsync(lead, page, page + "?handler=Confirm", new() { ["itemId"] = items[0].Id.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);

        using var agent = await factory.SignedInAsync("agent");
        Assert.Contains("新上岗/转岗人员培训表", await agent.GetStringAsync(page));
        var confirmed = await PostFormAsync(agent, page, page + "?handler=Confirm", new() { ["itemId"] = items[0].Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var again = await PostFormAsync(agent, page, page + "?handler=Confirm", new() { ["itemId"] = items[0].Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.PostChecklistConfirmations.CountAsync(c => c.EmployeeId == agentId)));
        var html = await agent.GetStringAsync(page);
        Assert.Contains("已确认", html);
        Assert.Contains($"1 / {items.Count}", html);

        var mine = items.Select(x => x.Id).ToList();
        var otherPost = await factory.QueryAsync(db => db.PostChecklistItems.Where(i => !mine.Contains(i.Id)).Select(i => i.Id).FirstAsync());
        var foreign = await PostFormAsync(agent, page, page + "?handler=Confirm", new() { ["itemId"] = otherPost.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
