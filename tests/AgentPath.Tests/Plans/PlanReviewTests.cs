using System.Net;
using System.Net.Http.Headers;
using AgentPath.Tests.Http;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Plans;

public sealed class PlanReviewTests_Sqlite(SqliteAppFactory f) : PlanReviewTests<SqliteAppFactory>(f);

public sealed class PlanReviewTests_Postgres(PostgresAppFactory f) : PlanReviewTests<PostgresAppFactory>(f);

/// <summary>The monthly review training through its checklist, in order, with an agent teaching it and earning points, closed by the business exam's analysis.</summary>
public abstract class PlanReviewTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, params (string Key, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", await client.FormTokenAsync(page)));
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(all));
    }

    [Fact]
    public async Task The_review_runs_step_by_step_an_agent_teaching_earns_points_and_the_paper_analysis_closes_it()
    {
        // The review is held this month, two hours ago (moving the clock a few hours if the month began less than three hours ago).
        var local = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), AgentPath.Web.CenterClock.Zone);
        if (local.Day == 1 && local.Hour < 3)
        {
            factory.Clock.Advance(TimeSpan.FromHours(3));
            local = local.AddHours(3);
        }

        var start = local.AddHours(-2);
        var month = PlanMonth.Of(DateOnly.FromDateTime(local.DateTime));
        var inbound = await factory.QueryAsync(db => db.Departments.Where(d => d.Name == "咨询热线部").Select(d => d.Id).SingleAsync());
        using var trainer = await factory.SignedInAsync("trainer");
        var created = await trainer.PostAsync("/plans/reviews", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["title"] = "测试月度汇总培训", ["month"] = month, ["departmentId"] = inbound.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = await trainer.FormTokenAsync("/plans/reviews"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // Steps are done in order: the content cannot come before the time and the instructor.
        var early = await PostAsync(trainer, page, "Content", ("content", "NewBusiness"));
        Assert.Contains("须按顺序完成各步骤", await early.Content.ReadAsStringAsync());

        // An agent cannot move the checklist (nor open it).
        using var agent = await factory.SignedInAsync("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(page)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(trainer, page, "Time", ("date", start.ToString("yyyy-MM-dd")), ("start", start.ToString("HH:mm")),
            ("end", start.AddMinutes(Math.Min(90, (int)(start.Date.AddDays(1) - start.DateTime).TotalMinutes - 1)).ToString("HH:mm")), ("place", "三楼培训室"))).StatusCode);
        var agentId = await DemoPeople.EmployeeIdOfAsync(factory, "agent");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(trainer, page, "Instructor", ("instructorId", agentId.ToString(System.Globalization.CultureInfo.InvariantCulture)))).StatusCode);
        var review = await factory.QueryAsync(db => db.MonthlyReviews.AsNoTracking().Include(r => r.Sessions).ThenInclude(s => s.Session).SingleAsync(r => r.Id == id));
        var teams = await factory.QueryAsync(db => db.Teams.CountAsync(t => t.DepartmentId == inbound));
        Assert.Equal(teams, review.Sessions.Count);
        Assert.All(review.Sessions, s => Assert.Equal(agentId, s.Session.InstructorEmployeeId));
        Assert.All(review.Sessions, s => Assert.Equal(AgentPath.Web.Features.Training.SessionKind.Business, s.Session.Kind));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(trainer, page, "Content", ("content", "NewBusiness"), ("content", "ProblemHandling"), ("notes", "新品与投诉安抚演练"))).StatusCode);
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4\n% review\n"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "月度汇总.pdf" },
            { new StringContent(await trainer.FormTokenAsync(page)), "__RequestVerificationToken" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.PostAsync($"{page}?handler=Courseware", upload)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync($"{page}?handler=Courseware")).StatusCode);

        // Delivered: the agent who taught earns the points, once.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(trainer, page, "Deliver")).StatusCode);
        var points = await factory.QueryAsync(db => db.PointsEntries.AsNoTracking().Where(p => p.SourceType == ReviewService.PointsSource && p.SourceId == id).ToListAsync());
        var entry = Assert.Single(points);
        Assert.Equal(agentId, entry.EmployeeId);
        Assert.Equal(3m, entry.Points);
        Assert.Equal(month, entry.Month);
        Assert.Contains("测试月度汇总培训", await agent.GetStringAsync($"/points?month={month}"));

        // The business exam, then its paper analysis: the step is refused until the analysis is written.
        var exam = await factory.QueryAsync(db => db.Exams.Where(e => e.Kind == AgentPath.Web.Features.Assessments.ExamKind.MonthlyBusiness && e.Analysis == null).Select(e => e.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(trainer, page, "Exam", ("examId", exam.ToString(System.Globalization.CultureInfo.InvariantCulture)))).StatusCode);
        var noAnalysis = await PostAsync(trainer, page, "Analysis");
        Assert.Contains("请先在考试的试卷分析页写好分析点评", await noAnalysis.Content.ReadAsStringAsync());
        var analysis = $"/exams/{exam}/analysis";
        var written = await trainer.PostAsync(analysis, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = "医学知识题得分偏低，下月安排专项讲解。", ["__RequestVerificationToken"] = await trainer.FormTokenAsync(analysis),
        }));
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(trainer, page, "Analysis")).StatusCode);

        var done = await factory.QueryAsync(db => db.MonthlyReviews.AsNoTracking().Include(r => r.Tasks).SingleAsync(r => r.Id == id));
        Assert.Equal(ReviewStep.Done, done.Current);
        Assert.All(done.Tasks, t => Assert.NotNull(t.DoneAt));
        Assert.Equal(exam, done.ExamId);
        var html = await trainer.GetStringAsync(page);
        Assert.Contains("医学知识题得分偏低", html, StringComparison.Ordinal);
        Assert.Contains("结束", html, StringComparison.Ordinal);
        Assert.Single(await factory.QueryAsync(db => db.PointsEntries.Where(p => p.SourceType == ReviewService.PointsSource && p.SourceId == id).ToListAsync()));
    }
}
