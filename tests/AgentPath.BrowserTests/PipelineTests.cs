using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Pipeline;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

/// <summary>The pipeline in the browser: the day-7 gate, coaching, a certificate in both languages, a trainee's phone sign-in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PipelineTests(AppFixture app)
{
    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The trainee's written test, taken before the gate: a gate test open now, every answer right (or none).</summary>
    private async Task TakeWrittenTestAsync(int employeeId, bool right)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<ExamEngine>();
        var paper = await db.Papers.FirstAsync(p => p.Title == "实习期理论知识笔试试卷");
        var now = DateTimeOffset.UtcNow;
        var exam = new Exam("实习期笔试（浏览器测试）" + employeeId, paper, ExamKind.GateTest, now.AddMinutes(-5), now.AddHours(2), 1, countsForPoints: false);
        exam.AddAudience(AudienceKind.Person, employeeId, null);
        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        var person = await db.Employees.AsNoTracking().SingleAsync(e => e.Id == employeeId);
        var (attempt, _, _) = await engine.StartAsync(exam.Id, person);
        if (right)
        {
            var items = await db.AttemptItems.AsNoTracking().Include(i => i.Question).Where(i => i.AttemptId == attempt!.Id).ToListAsync();
            foreach (var q in items.Select(i => i.Question))
            {
                object answer = q.Type switch
                {
                    QuestionType.Single or QuestionType.TrueFalse => q.Options.First(o => o.Fraction >= 1).Id,
                    QuestionType.Multiple => q.Options.Where(o => o.Fraction > 0).Select(o => o.Id).ToArray(),
                    QuestionType.FillIn => q.AcceptedAnswers[0],
                    _ => "",
                };
                await engine.SaveAsync(attempt!.Id, employeeId, q.Id, JsonSerializer.SerializeToElement(answer), 1);
            }
        }

        using var submit = app.Services.CreateScope();
        await submit.ServiceProvider.GetRequiredService<ExamEngine>().SubmitAsync(attempt!.Id, employeeId, atDeadline: false);
    }

    [Fact]
    public async Task A_trainer_runs_the_day_7_gate_of_a_cohort()
    {
        var cohort = await QueryAsync(db => db.Cohorts.OrderByDescending(c => c.StartDate).FirstAsync());
        var trainees = await QueryAsync(db => db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.Employee.Stage == Stage.Induction)
            .OrderBy(m => m.Employee.EmployeeNumber).Select(m => new { m.Employee.Id, m.Employee.Name }).Take(2).ToListAsync());
        Assert.Equal(2, trainees.Count);
        await TakeWrittenTestAsync(trainees[0].Id, right: true);
        await TakeWrittenTestAsync(trainees[1].Id, right: false);

        await using var s = await app.OpenAsync("Pipeline.day-7-gate", width: 1280, height: 900);
        await s.LogInAsync("trainer");
        await s.Page.GotoAsync($"/cohorts/{cohort.Id}");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "第七天培训考核", Exact = true }).First.ClickAsync();
        var passing = s.Page.GetByRole(AriaRole.Form, new() { Name = trainees[0].Name, Exact = true });
        await Expect(passing.GetByText("100", new() { Exact = true })).ToBeVisibleAsync();
        await s.ScreenshotAsync("pipeline-day7-gate-zh-CN-1280");

        await passing.Locator("input[name=recordingQa]").FillAsync("88");
        await passing.GetByLabel("依据 录音质检评分").FillAsync("质检评分表 QA-1127-01");
        await passing.Locator("input[name=mockCall]").FillAsync("90");
        await passing.GetByLabel("依据 模拟演练接线评分").FillAsync("模拟演练评分表 MC-1127-01");
        await passing.Locator("select[name=teamId]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await passing.GetByRole(AriaRole.Button, new() { Name = "登记考核结果" }).ClickAsync();
        await Expect(s.Page.Locator("li.just-recorded")).ToContainTextAsync(trainees[0].Name);
        await Expect(s.Page.Locator("li.just-recorded")).ToContainTextAsync("见习期");

        // The one who failed the written test goes to a retake.
        var failing = s.Page.GetByRole(AriaRole.Form, new() { Name = trainees[1].Name, Exact = true });
        await failing.Locator("input[name=recordingQa]").FillAsync("70");
        await failing.GetByLabel("依据 录音质检评分").FillAsync("质检评分表 QA-1127-02");
        await failing.Locator("input[name=mockCall]").FillAsync("65");
        await failing.GetByLabel("依据 模拟演练接线评分").FillAsync("模拟演练评分表 MC-1127-02");
        await failing.Locator("select[name=outcome]").SelectOptionAsync("Retake");
        await failing.GetByRole(AriaRole.Button, new() { Name = "登记考核结果" }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Form, new() { Name = trainees[1].Name, Exact = true })).ToContainTextAsync("补考");
        await s.ScreenshotAsync("pipeline-day7-gate-recorded-zh-CN-1280");

        var stages = await QueryAsync(db => db.Employees.Where(e => e.Id == trainees[0].Id || e.Id == trainees[1].Id).ToDictionaryAsync(e => e.Id, e => e.Stage));
        Assert.Equal(Stage.Apprenticeship, stages[trainees[0].Id]);
        Assert.Equal(Stage.Induction, stages[trainees[1].Id]);
    }

    [Fact]
    public async Task A_team_lead_records_a_coaching_step_and_a_daily_evaluation()
    {
        await using var s = await app.OpenAsync("Pipeline.coaching", width: 1280, height: 900);
        await s.LogInAsync("lead");
        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "见习员工", Exact = true }).ClickAsync();
        await s.Page.Locator("table a[href^='/coaching/']").First.ClickAsync();
        var step = s.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^登记第\\d步") }).First;
        var stepName = await step.InnerTextAsync();
        await step.ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        Assert.NotEqual(stepName, await s.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^登记第\\d步") }).First.InnerTextAsync());

        var before = await s.Page.Locator("section:has(h2:text-is('每日跟踪评估')) tbody tr").CountAsync();
        await s.Page.GetByLabel("通话时长").SelectOptionAsync("5");
        await s.Page.GetByLabel("评语").FillAsync("开场白简洁，安抚到位");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "保存评估" }).ClickAsync();
        await Expect(s.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        await Expect(s.Page.GetByRole(AriaRole.Cell, new() { Name = "开场白简洁，安抚到位" })).ToBeVisibleAsync();
        Assert.Equal(before + 1, await s.Page.Locator("section:has(h2:text-is('每日跟踪评估')) tbody tr").CountAsync());
        await s.ScreenshotAsync("pipeline-coaching-zh-CN-1280");
    }

    [Fact]
    public async Task A_certificate_prints_in_Chinese_and_English()
    {
        var id = await QueryAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await using (var zh = await app.OpenAsync("Pipeline.certificate-zh", locale: "zh-CN", width: 1000, height: 1300))
        {
            await zh.LogInAsync("trainer");
            await zh.Page.GotoAsync($"/records/certificates/{id}");
            await Expect(zh.Page.GetByRole(AriaRole.Heading, new() { Name = "岗位合格证" })).ToBeVisibleAsync();
            await zh.ScreenshotAsync("pipeline-certificate-zh-CN");
            await zh.Page.EmulateMediaAsync(new() { Media = Media.Print });
            await zh.ScreenshotAsync("pipeline-certificate-zh-CN-print");
        }

        await using var en = await app.OpenAsync("Pipeline.certificate-en", locale: "en-US", width: 1000, height: 1300);
        await en.LogInAsync("trainer", english: true);
        await en.Page.GotoAsync($"/records/certificates/{id}");
        await Expect(en.Page.GetByRole(AriaRole.Heading, new() { Name = "Post qualification certificate" })).ToBeVisibleAsync();
        await en.ScreenshotAsync("pipeline-certificate-en");
    }

    [Fact]
    public async Task A_trainee_signs_in_to_a_session_by_code_on_a_phone()
    {
        // A session of the demo agent's team, running now.
        int sessionId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var team = await db.Teams.SingleAsync(t => t.Name == "咨询一组");
            var trainer = await db.Employees.FirstAsync(e => e.Name == "刘洋");
            var now = DateTimeOffset.UtcNow;
            var session = new TrainingSession("投诉处理与情绪安抚（手机签到）", SessionKind.GeneralSkills, now.AddMinutes(-10), now.AddHours(2), "培训室B", null, trainer.Id, null, null, team.Id);
            db.TrainingSessions.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
        }

        string code;
        await using (var projector = await app.OpenAsync("Pipeline.projector", width: 1280, height: 720))
        {
            await projector.LogInAsync("trainer");
            await projector.Page.GotoAsync($"/training/sessions/{sessionId}");
            await projector.Page.GetByRole(AriaRole.Link, new() { Name = "显示签到码" }).ClickAsync();
            code = (await projector.Page.GetByLabel("签到码").InnerTextAsync()).Trim();
            Assert.Matches("^[0-9]{8}$", code);
            await projector.ScreenshotAsync("training-sign-in-code-projector-1280x720", fullPage: false);
        }

        await using var phone = await app.OpenAsync("Pipeline.phone-sign-in", width: 390, height: 844, mobile: true);
        await phone.LogInAsync("agent");
        await phone.Page.GotoAsync("/training/sign-in");

        // Five wrong codes lock the agent's sign-in to this session; the trainer unlocks it on the session page.
        for (var i = 1; i <= 5; i++)
        {
            await phone.Page.GetByLabel("培训室大屏上的签到码").FillAsync(((long.Parse(code) + i) % 100_000_000).ToString("D8"));
            await phone.Page.GetByRole(AriaRole.Button, new() { Name = "签到", Exact = true }).ClickAsync();
            await phone.Page.WaitForLoadStateAsync();
            await Expect(phone.Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }

        await Expect(phone.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("签到码输错次数过多");
        await phone.ScreenshotAsync("training-sign-in-locked-phone-390", fullPage: false);
        string agentName;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            agentName = await db.Users.Where(u => u.UserName == "agent").Select(u => u.Employee!.Name).SingleAsync();
        }

        await using (var desk = await app.OpenAsync("Pipeline.unlock-sign-in", width: 1280, height: 900))
        {
            await desk.LogInAsync("trainer");
            await desk.Page.GotoAsync($"/training/sessions/{sessionId}");
            var locked = desk.Page.Locator("section.locked-sign-ins");
            await Expect(locked.GetByRole(AriaRole.Heading, new() { Name = "已锁定的签到" })).ToBeVisibleAsync();
            await Expect(locked).ToContainTextAsync(agentName);
            await locked.ScrollIntoViewIfNeededAsync();
            await desk.ScreenshotAsync("training-session-locked-sign-ins-1280", fullPage: true);
            await locked.GetByRole(AriaRole.Button, new() { Name = $"解锁 {agentName} 的签到" }).ClickAsync();
            await Expect(desk.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
            await Expect(desk.Page.Locator("section.locked-sign-ins")).ToHaveCountAsync(0);
        }

        await phone.Page.GetByLabel("培训室大屏上的签到码").FillAsync(code);
        await phone.ScreenshotAsync("training-sign-in-phone-390", fullPage: false);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "签到", Exact = true }).ClickAsync();
        await Expect(phone.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/training/sessions/{sessionId}"));
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "我的签到" })).ToBeVisibleAsync();
        await Expect(phone.Page.Locator("section:has(h2:text-is('我的签到')) .result.pass")).ToBeVisibleAsync();

        await phone.Page.GetByLabel("5 · 很有帮助").CheckAsync();
        await phone.Page.GetByLabel("评语").FillAsync("情景演练很实用");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(phone.Page.GetByText("情景演练很实用")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("training-session-after-sign-in-phone-390");
    }
}
