using System.Net;
using System.Net.Http.Headers;
using AgentPath.Tests.Http;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Plans;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Plans;

public sealed class PlanDeliveryTests_Sqlite(SqliteAppFactory f) : PlanDeliveryTests<SqliteAppFactory>(f);

public sealed class PlanDeliveryTests_Postgres(PostgresAppFactory f) : PlanDeliveryTests<PostgresAppFactory>(f);

/// <summary>
/// Needs to a draft, a needs survey answered and aggregated, sessions for plan items, new-business
/// sign-off and homework, all through the pages the users use.
/// </summary>
public abstract class PlanDeliveryTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.Append(new("__RequestVerificationToken", await client.FormTokenAsync(page)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    private Task<int> DepartmentAsync(string name) => factory.QueryAsync(db => db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    private Task<int> TeamAsync(string name) => factory.QueryAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    private string Month(int ahead) => PlanMonth.Of(PlanMonth.Today(factory.Clock).AddMonths(ahead));

    [Fact]
    public async Task A_manager_reports_needs_and_hr_generates_the_draft_from_them()
    {
        var month = Month(6);
        var inbound = await DepartmentAsync("咨询热线部");
        var team = await TeamAsync("咨询二组");
        using var manager = await factory.SignedInAsync("manager");
        var page = $"/plans/needs?month={month}&departmentId={inbound}";

        // A headcount above the team's size is refused with the sizes in the message; nothing is recorded.
        var tooMany = await PostFormAsync(manager, page, $"/plans/needs?handler=Report&month={month}&departmentId={inbound}", new Dictionary<string, string>
        {
            ["Report.Title"] = "投诉处理话术复训", ["Report.TeamId"] = team.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Report.Headcount"] = "500", ["Report.Category"] = "Business",
        });
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains("人数（500）超过了培训对象的人数", await tooMany.Content.ReadAsStringAsync());

        foreach (var (title, headcount, category) in new[] { ("投诉处理话术复训", "8", "Business"), ("时间管理与工作组织", "12", "GeneralSkills") })
        {
            var ok = await PostFormAsync(manager, page, $"/plans/needs?handler=Report&month={month}&departmentId={inbound}", new Dictionary<string, string>
            {
                ["Report.Title"] = title, ["Report.Headcount"] = headcount, ["Report.Category"] = category, ["Report.SkillArea"] = category == "Business" ? "" : "Planning",
                ["Report.TeamId"] = category == "Business" ? team.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            });
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        // The manager cannot generate the plan (HR and trainers compile it).
        var refused = await PostFormAsync(manager, page, $"/plans/needs?handler=Generate&month={month}&departmentId={inbound}", []);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var hr = await factory.SignedInAsync("hr");
        var generated = await PostFormAsync(hr, page, $"/plans/needs?handler=Generate&month={month}&departmentId={inbound}", []);
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var planId = int.Parse(generated.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var plan = await factory.QueryAsync(db => db.TrainingPlans.AsNoTracking().Include(p => p.Items).ThenInclude(i => i.Needs).SingleAsync(p => p.Id == planId));
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(month, plan.Month);
        Assert.Equal(2, plan.Items.Count);
        var business = plan.Items.Single(i => i.Category == PlanCategory.Business);
        Assert.Equal("投诉处理话术复训", business.Title);
        Assert.Equal(team, business.TeamId);
        Assert.Equal(8, business.Headcount);
        var general = plan.Items.Single(i => i.Category == PlanCategory.GeneralSkills);
        Assert.Equal(TrainingMethod.Workshop, general.Method);
        Assert.NotNull(general.KnowledgeAreaId);
        var needIds = plan.Items.SelectMany(i => i.Needs.Select(n => n.NeedId)).ToList();
        Assert.All(await factory.QueryAsync(db => db.TrainingNeeds.Where(n => needIds.Contains(n.Id)).ToListAsync()), n => Assert.Equal(TrainingNeedStatus.Planned, n.Status));

        // Nothing open is left to generate from.
        var again = await PostFormAsync(hr, page, $"/plans/needs?handler=Generate&month={month}&departmentId={inbound}", []);
        Assert.Contains("该部门本月没有待纳入计划的培训需求", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_agent_answers_a_needs_survey_once_and_the_results_add_up_per_category_and_team()
    {
        var team = await TeamAsync("咨询一组");
        using var trainer = await factory.SignedInAsync("trainer");
        var today = PlanMonth.Today(factory.Clock);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "测试调查：综合技能需求"), new("Input.Month", Month(7)), new("Input.ClosesOn", today.AddDays(5).ToString("yyyy-MM-dd")),
            new("Input.TeamIds", team.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Categories", "EffectiveCommunication"), new("Input.Categories", "EmotionManagement"),
            new("Input.FreeItems[0]", "最想学的一项技能？"), new("Input.FreeKinds[0]", "Text"),
        };
        var created = await PostFormAsync(trainer, "/plans/surveys/new", "/plans/surveys/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var items = await factory.QueryAsync(db => db.NeedsSurveys.Include(s => s.Items).AsNoTracking().Where(s => s.Id == id).SelectMany(s => s.Items).OrderBy(i => i.Order).ToListAsync());
        Assert.Equal([SkillArea.EffectiveCommunication, SkillArea.EmotionManagement, null], items.Select(i => i.Category));

        // The agent on that team was told and answers; an out-of-range rating is refused, then the answer counts once.
        using var agent = await factory.SignedInAsync("agent");
        Assert.Contains("测试调查：综合技能需求", await agent.GetStringAsync("/notifications"));
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.Link == $"/plans/surveys/{id}/answer" && db.Users.Any(u => u.Id == n.UserId && u.UserName == "agent"))));
        var form = $"/plans/surveys/{id}/answer";
        var bad = await PostFormAsync(agent, form, form, [new($"Ratings[{items[0].Id}]", "9")]);
        Assert.Contains("评分为 1 到 5", await bad.Content.ReadAsStringAsync());
        var ok = await PostFormAsync(agent, form, form, [new($"Ratings[{items[0].Id}]", "5"), new($"Ratings[{items[1].Id}]", "2"), new($"Texts[{items[2].Id}]", "投诉安抚技巧")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("您的答案已提交", await agent.GetStringAsync(form));
        using var lead = await factory.SignedInAsync("lead");
        await PostFormAsync(lead, form, form, [new($"Ratings[{items[0].Id}]", "3")]);

        var twice = await PostFormAsync(agent, form, form, [new($"Ratings[{items[0].Id}]", "1")]);
        Assert.Equal(1, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id && db.Users.Any(u => u.UserName == "agent" && u.EmployeeId == r.EmployeeId))));
        Assert.True(twice.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect);

        // Someone not asked does not see the form (404), and staff of another department do not see the results.
        using var outsider = await factory.SignedInAsync("qa");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(form)).StatusCode);

        var results = await trainer.GetStringAsync($"/plans/surveys/{id}");
        Assert.Contains("已填写 2 /", results, StringComparison.Ordinal);
        Assert.Contains("4.00", results, StringComparison.Ordinal); // (5 + 3) / 2
        Assert.Contains("投诉安抚技巧", results, StringComparison.Ordinal);
        Assert.DoesNotContain("马晓东", results, StringComparison.Ordinal);

        // Raising needs from the most needed item: one need per department, for those who rated it 4 or 5.
        var raised = await PostFormAsync(trainer, $"/plans/surveys/{id}", $"/plans/surveys/{id}?handler=Needs", [new("itemIds", items[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var need = await factory.QueryAsync(db => db.TrainingNeeds.AsNoTracking().SingleAsync(n => n.SourceRef == $"Survey {id} item {items[0].Id}"));
        Assert.Equal(NeedSources.Survey, need.Source);
        Assert.Equal(1, need.Headcount);
        var detail = await factory.QueryAsync(db => db.NeedDetails.AsNoTracking().SingleAsync(d => d.NeedId == need.Id));
        Assert.Equal(PlanCategory.GeneralSkills, detail.Category);
        Assert.Equal(SkillArea.EffectiveCommunication, detail.SkillArea);
    }

    [Fact]
    public async Task A_plan_item_is_delivered_in_one_session_per_team_and_the_dashboard_counts_attendance()
    {
        var plan = await factory.QueryAsync(async db =>
        {
            var last = PlanMonth.Of(PlanMonth.Today(factory.Clock).AddMonths(-1));
            return await db.TrainingPlans.AsNoTracking().Include(p => p.Items).SingleAsync(p => p.Month == last && p.Department.Name == "咨询热线部");
        });
        var item = plan.Items.First(i => i.TeamId == null);
        using var supervisor = await factory.SignedInAsync("supervisor");
        var before = await factory.QueryAsync(db => db.PlanItemSessions.CountAsync(l => l.PlanItemId == item.Id));
        var scheduled = await PostFormAsync(supervisor, $"/plans/{plan.Id}", $"/plans/{plan.Id}?handler=Schedule", [new("itemId", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("place", "二楼会议室")]);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var teams = await factory.QueryAsync(db => db.Teams.CountAsync(t => t.DepartmentId == plan.DepartmentId));
        var sessions = await factory.QueryAsync(db => db.PlanItemSessions.Where(l => l.PlanItemId == item.Id).Select(l => l.Session).ToListAsync());
        Assert.Equal(before + teams, sessions.Count);
        Assert.All(sessions.TakeLast(teams), s => Assert.Equal("二楼会议室", s.Place));
        Assert.Equal(teams, sessions.TakeLast(teams).Select(s => s.TeamId).Distinct().Count());

        // An agent cannot schedule; the dashboard shows last month's attendance rate from the demo's sign-ins.
        using var agent = await factory.SignedInAsync("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/plans/{plan.Id}")).StatusCode);
        var dashboard = await supervisor.GetStringAsync($"/plans/dashboard?month={plan.Month}");
        Assert.Contains("出勤率", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("回访销售部", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_signs_for_new_business_once_and_staff_see_who_has()
    {
        var team = await TeamAsync("咨询一组");
        using var trainer = await factory.SignedInAsync("trainer");
        var content = new MultipartFormDataContent
        {
            { new StringContent("测试新品：钙维D软胶囊新规格"), "Input.Title" }, { new StringContent("Upgrade"), "Input.Change" },
            { new StringContent("产品部"), "Input.OwningDepartment" }, { new StringContent("每瓶60粒，每日2粒。"), "Input.Content" },
            { new StringContent(PlanMonth.Today(factory.Clock).AddDays(3).ToString("yyyy-MM-dd")), "Input.DueOn" },
            { new StringContent(team.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.TeamIds" },
            { new StringContent(await trainer.FormTokenAsync("/plans/new-business")), "__RequestVerificationToken" },
        };
        var pdf = new ByteArrayContent("%PDF-1.4\n%demo courseware\n"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(pdf, "courseware", "规格说明.pdf");
        var created = await trainer.PostAsync("/plans/new-business", content);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        using var agent = await factory.SignedInAsync("agent");
        var courseware = await agent.GetAsync($"/plans/new-business/{id}?handler=Courseware");
        Assert.Equal(HttpStatusCode.OK, courseware.StatusCode);
        Assert.StartsWith("%PDF", await courseware.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var signed = await PostFormAsync(agent, $"/plans/new-business/{id}", $"/plans/new-business/{id}?handler=Sign", []);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var again = await PostFormAsync(agent, $"/plans/new-business/{id}", $"/plans/new-business/{id}?handler=Sign", []);
        Assert.Contains("您已签字确认", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<NewBusinessSignOff>().CountAsync(s => s.TrainingId == id)));

        var staff = await trainer.GetStringAsync($"/plans/new-business/{id}");
        Assert.Contains("马晓东", staff, StringComparison.Ordinal);
        Assert.Matches(@"完成情况 <span class=""count"">1 / \d+", staff);

        // A file that claims to be a PDF but is not is refused, and nothing is created.
        var fake = new MultipartFormDataContent
        {
            { new StringContent("假文件"), "Input.Title" }, { new StringContent("产品部"), "Input.OwningDepartment" }, { new StringContent("内容"), "Input.Content" },
            { new StringContent(PlanMonth.Today(factory.Clock).AddDays(3).ToString("yyyy-MM-dd")), "Input.DueOn" },
            { new StringContent(team.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.TeamIds" },
            { new StringContent(await trainer.FormTokenAsync("/plans/new-business")), "__RequestVerificationToken" },
            { new ByteArrayContent("MZ\u0090\u0000"u8.ToArray()), "courseware", "课件.pdf" },
        };
        var refused = await trainer.PostAsync("/plans/new-business", fake);
        Assert.Contains("文件内容与文件类型不符", await refused.Content.ReadAsStringAsync());
        Assert.False(await factory.QueryAsync(db => db.NewBusinessTrainings.AnyAsync(n => n.Title == "假文件")));
    }

    [Fact]
    public async Task Homework_is_handed_in_and_graded_and_a_correction_keeps_the_first_grade()
    {
        var team = await TeamAsync("咨询一组");
        using var trainer = await factory.SignedInAsync("trainer");
        var due = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), AgentPath.Web.CenterClock.Zone).DateTime.AddDays(2);
        var created = await PostFormAsync(trainer, "/plans/homework", "/plans/homework",
        [
            new("Input.Title", "测试作业：写出三句安抚话术"), new("Input.Instructions", "针对投诉来电写出三句安抚话术。"), new("Input.Kind", "HandIn"),
            new("Input.MaxScore", "10"), new("Input.DueAt", due.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.TeamIds", team.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        using var agent = await factory.SignedInAsync("agent");
        var page = $"/plans/homework/{id}";
        var empty = await PostFormAsync(agent, page, $"{page}?handler=HandIn", [new("answer", "  ")]);
        Assert.Contains("请填写作答内容或上传文件", await empty.Content.ReadAsStringAsync());
        var handed = await PostFormAsync(agent, page, $"{page}?handler=HandIn", [new("answer", "1. 非常理解您的心情……")]);
        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        var submission = await factory.QueryAsync(db => db.HomeworkSubmissions.AsNoTracking().SingleAsync(s => s.HomeworkId == id));

        // The agent cannot grade; the trainer grades, then corrects: both grades are kept.
        var notAllowed = await PostFormAsync(agent, page, $"{page}?handler=Grade", [new("submissionId", submission.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("score", "10")]);
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        var tooHigh = await PostFormAsync(trainer, page, $"{page}?handler=Grade", [new("submissionId", submission.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("score", "11")]);
        Assert.Contains("得分须在 0 到满分之间", await tooHigh.Content.ReadAsStringAsync());
        foreach (var score in new[] { "7", "8.5" })
        {
            var graded = await PostFormAsync(trainer, page, $"{page}?handler=Grade", [new("submissionId", submission.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("score", score), new("comment", "第三句可以更简洁")]);
            Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
        }

        var grades = await factory.QueryAsync(db => db.HomeworkGrades.AsNoTracking().Where(g => g.SubmissionId == submission.Id).OrderBy(g => g.Id).ToListAsync());
        Assert.Equal([7m, 8.5m], grades.Select(g => g.Score));
        Assert.Equal(grades[0].Id, grades[1].SupersedesId);
        Assert.Contains("得分：8.5 / 10", await agent.GetStringAsync(page), StringComparison.Ordinal);

        // Graded work can no longer be replaced.
        var replaced = await PostFormAsync(agent, page, $"{page}?handler=HandIn", [new("answer", "改过的答案")]);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("1. 非常理解您的心情……", (await factory.QueryAsync(db => db.HomeworkSubmissions.AsNoTracking().SingleAsync(s => s.Id == submission.Id))).Text);
    }
}
