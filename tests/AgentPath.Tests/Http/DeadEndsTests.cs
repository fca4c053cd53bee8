using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Http;

public sealed class DeadEndsTests_Sqlite(SqliteAppFactory f) : DeadEndsTests<SqliteAppFactory>(f);

public sealed class DeadEndsTests_Postgres(PostgresAppFactory f) : DeadEndsTests<PostgresAppFactory>(f);

/// <summary>
/// Issue 11, failure 6 ("dead ends"), as a new user met them. On the old code: a just-published exam landed on an empty
/// results page with no confirmation; a new exam's analysis and results showed empty tables; the exam page's status line
/// was filled with "全部答案已保存" by its script before anything was answered (the page gave it nothing else to say);
/// home's 去考试 opened the exam list; saving an analysis, creating a scorecard, closing a survey, commenting on an
/// evaluation or saving a session said nothing.
/// </summary>
public abstract partial class DeadEndsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    [GeneratedRegex("""<p class="card success" role="status">([^<]*)</p>""")]
    private static partial Regex Status();

    [GeneratedRegex("""<div id="exam-status"[^>]*>([^<]*)</div>""")]
    private static partial Regex ExamStatus();

    [GeneratedRegex("""name="Form.PaperId"[^>]*>\s*<option value="">—</option>\s*<option value="(\d+)">""")]
    private static partial Regex FirstPaper();

    private async Task<HttpClient> ChineseAsync(string user)
    {
        var client = await factory.SignedInAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    /// <summary>The confirmation on a page, if any (shown once).</summary>
    private static string? StatusOf(string html) => Status().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Posts a page's form with its antiforgery token; the redirect is not followed.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, params (string Key, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", await client.FormTokenAsync(page)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>Follows a post's redirect and returns the page it lands on.</summary>
    private static async Task<(string Path, string Html)> LandAsync(HttpClient client, HttpResponseMessage posted)
    {
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var path = posted.Headers.Location!.OriginalString;
        return (path, await PageAsync(client, path));
    }

    private Task<int> AgentEmployeeIdAsync() => factory.QueryAsync(db => db.Users.Where(u => u.UserName == "agent").Select(u => u.EmployeeId!.Value).SingleAsync());

    /// <summary>An exam on the open demo paper for the demo agent alone, open now.</summary>
    private async Task<int> ExamForTheAgentAsync() => await factory.QueryAsync(async db =>
    {
        var paperTitle = factory.OpenExamPaper;
        var paper = await db.Papers.FirstAsync(p => p.Title == paperTitle);
        var agent = await db.Users.Where(u => u.UserName == "agent").Select(u => u.EmployeeId!.Value).SingleAsync();
        var now = factory.Clock.GetUtcNow();
        var exam = new Exam("死路测试 " + Guid.NewGuid().ToString("N")[..6], paper, ExamKind.SpotQuestions, now.AddMinutes(-5), now.AddHours(4), 1, countsForPoints: false);
        exam.AddAudience(AudienceKind.Person, agent, null);
        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        return exam.Id;
    });

    [Fact]
    public async Task A_published_exam_lands_on_its_results_with_a_confirmation_naming_it_and_its_window_and_nobody_has_submitted_yet()
    {
        using var trainer = await ChineseAsync("trainer");
        var form = await trainer.GetStringAsync("/exams/new");
        var paper = FirstPaper().Match(form).Groups[1].Value;
        var number = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "agent").Select(u => u.Employee!.EmployeeNumber).SingleAsync());
        var title = "发布确认 " + Guid.NewGuid().ToString("N")[..6];
        var day = AgentPath.Web.CenterClock.DateOf(factory.Clock.GetUtcNow()).AddDays(2);
        var opens = day.ToDateTime(new TimeOnly(9, 0));
        var closes = day.AddDays(2).ToDateTime(new TimeOnly(18, 0));
        var posted = await PostAsync(trainer, "/exams/new", "/exams/new",
            ("Form.Title", title), ("Form.PaperId", paper), ("Form.Kind", "MonthlyBusiness"),
            ("Form.OpensAt", opens.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)), ("Form.ClosesAt", closes.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
            ("Form.AttemptsAllowed", "1"), ("Form.People", number));
        var (path, html) = await LandAsync(trainer, posted);

        Assert.Matches(@"^/exams/\d+/results$", path);
        var status = StatusOf(html);
        Assert.NotNull(status);
        Assert.Contains(title, status, StringComparison.Ordinal);
        Assert.Contains(opens.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), status, StringComparison.Ordinal);
        Assert.Contains(closes.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), status, StringComparison.Ordinal);
        Assert.Contains("中心时间", status, StringComparison.Ordinal);
        Assert.Contains("还没有人交卷", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);

        // Shown once: the next visit has no confirmation.
        Assert.Null(StatusOf(await PageAsync(trainer, path)));

        // In English too.
        using var en = await factory.SignedInAsync("trainer");
        en.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Contains("Nobody has submitted yet.", await PageAsync(en, path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_exams_analysis_says_nobody_has_submitted_yet_instead_of_empty_tables_and_saving_it_is_confirmed()
    {
        var examId = await ExamForTheAgentAsync();
        using var trainer = await ChineseAsync("trainer");
        var page = $"/exams/{examId}/analysis";
        var html = await PageAsync(trainer, page);
        Assert.Contains("还没有人交卷", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);

        var (_, saved) = await LandAsync(trainer, await PostAsync(trainer, page, page, ("Text", "考前说明：重点复习新品知识。")));
        Assert.Equal("试卷分析已保存。", StatusOf(saved));

        // The demo's last month's exam, with submissions, keeps its tables.
        var last = factory.LastMonthsExamTitle;
        var lastId = await factory.QueryAsync(db => db.Exams.Where(e => e.Title == last).Select(e => e.Id).SingleAsync());
        var full = await PageAsync(trainer, $"/exams/{lastId}/analysis");
        Assert.DoesNotContain("还没有人交卷", full, StringComparison.Ordinal);
        Assert.Contains("<table", full, StringComparison.Ordinal);
        Assert.Contains("<table", await PageAsync(trainer, $"/exams/{lastId}/results"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exam_page_says_not_answered_yet_until_an_answer_is_saved()
    {
        var examId = await ExamForTheAgentAsync();
        using var agent = await ChineseAsync("agent");
        var (take, html) = await LandAsync(agent, await PostAsync(agent, "/exams", $"/exams?handler=Start&examId={examId}"));
        Assert.EndsWith("/take", take, StringComparison.Ordinal);
        Assert.Equal("尚未作答", ExamStatus().Match(html).Groups[1].Value);
        Assert.Contains("data-text-none-yet=\"尚未作答\"", html, StringComparison.Ordinal);

        // One answer saved: now, and only now, everything saved is said.
        var attemptId = long.Parse(take.Split('/')[3], CultureInfo.InvariantCulture);
        using var api = await factory.BearerAsync("agent");
        var attempt = await (await api.PostAsync($"/api/v1/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(attemptId, attempt.GetProperty("id").GetInt64());
        var fill = attempt.GetProperty("questions").EnumerateArray().First(q => q.GetProperty("type").GetString() == "fillin").GetProperty("id").GetInt32();
        var put = await api.PutAsync($"/api/v1/attempts/{attemptId}/answers/{fill}", new StringContent("""{"response":"24","seq":1}""", Encoding.UTF8, "application/json"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal("全部答案已保存", ExamStatus().Match(await PageAsync(agent, take)).Groups[1].Value);
    }

    [Fact]
    public async Task Homes_take_the_exam_goes_straight_into_the_exam_not_the_list()
    {
        var examId = await ExamForTheAgentAsync();
        using var agent = await ChineseAsync("agent");
        var home = await PageAsync(agent, "/");
        Assert.DoesNotContain("href=\"/exams\">去考试", home, StringComparison.Ordinal);
        var start = $"action=\"/exams?examId={examId}&handler=Start\"";
        Assert.Contains(start, home, StringComparison.Ordinal);

        // The button starts the exam and opens it; back home, 去考试 returns into the attempt under way.
        var form = home[home.IndexOf(start, StringComparison.Ordinal)..];
        Assert.Contains("去考试", form[..form.IndexOf("</form>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var (take, _) = await LandAsync(agent, await PostAsync(agent, "/", $"/exams?handler=Start&examId={examId}"));
        Assert.Matches(@"^/exams/attempts/\d+/take$", take);
        Assert.Contains($"href=\"{take}\">去考试", await PageAsync(agent, "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_that_change_something_are_confirmed_once()
    {
        // Quality: a new scorecard.
        using var qa = await ChineseAsync("qa");
        var name = "确认测试评分表 " + Guid.NewGuid().ToString("N")[..4];
        var (card, cardHtml) = await LandAsync(qa, await PostAsync(qa, "/quality/scorecards", "/quality/scorecards?handler=New", ("name", name), ("purpose", "Quality")));
        Assert.Contains(name, StatusOf(cardHtml) ?? "", StringComparison.Ordinal);
        Assert.Null(StatusOf(await PageAsync(qa, card)));

        // Plans: a review training created, a survey closed.
        using var trainer = await ChineseAsync("trainer");
        var month = AgentPath.Web.Features.Plans.PlanMonth.Of(factory.Clock.GetUtcNow());
        var inbound = await factory.QueryAsync(db => db.Departments.Where(d => d.Name == "咨询热线部").Select(d => d.Id).SingleAsync());
        var (_, review) = await LandAsync(trainer, await PostAsync(trainer, "/plans/reviews", "/plans/reviews",
            ("title", "确认测试汇总培训"), ("month", month), ("departmentId", inbound.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal("已创建月度汇总培训：确认测试汇总培训。", StatusOf(review));

        var surveyId = await factory.QueryAsync(db => db.NeedsSurveys.Where(s => !s.Closed).OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync());
        var (_, closed) = await LandAsync(trainer, await PostAsync(trainer, $"/plans/surveys/{surveyId}", $"/plans/surveys/{surveyId}?handler=Close"));
        Assert.Equal("调查已结束。", StatusOf(closed));
    }
}
