using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Integrity;

public sealed class KeysTests_Sqlite(SqliteAppFactory f) : KeysTests<SqliteAppFactory>(f);

public sealed class KeysTests_Postgres(PostgresAppFactory f) : KeysTests<PostgresAppFactory>(f);

/// <summary>
/// Issue 10, failures 2 and 16: the result page /exams/attempts/{id} shows keys only by <see cref="ReviewPolicy"/>.
/// On the old code the page showed the keys to every viewer but the owner (<c>ShowAnswers = !Own || …</c>), so the
/// lead's first look below read them; and "keys after submit" showed them after the first of two attempts.
/// </summary>
public abstract class KeysTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const string KeyLabel = "正确答案"; // "Right answer", the label of every key on the page

    private async Task<int> NewExamAsync(ReviewTime review, int attempts, bool leadInAudience) => await factory.QueryAsync(async db =>
    {
        var paperTitle = factory.OpenExamPaper;
        var paper = await db.Papers.FirstAsync(p => p.Title == paperTitle);
        db.Entry(paper).Property(p => p.ShowAnswers).CurrentValue = review;
        var teamId = await db.Employees.Where(e => e.Name == "马晓东").Select(e => e.TeamId!.Value).SingleAsync();
        var leadId = await db.Users.Where(u => u.UserName == "lead").Select(u => u.EmployeeId!.Value).SingleAsync();
        var now = factory.Clock.GetUtcNow();
        var exam = new Exam("钥匙测试 " + Guid.NewGuid().ToString("N")[..6], paper, ExamKind.SpotQuestions, now.AddMinutes(-5), now.AddHours(4), attempts, countsForPoints: false);
        exam.AddAudience(AudienceKind.Team, teamId, null);
        if (leadInAudience)
        {
            exam.AddAudience(AudienceKind.Person, leadId, null);
        }

        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        return exam.Id;
    });

    private async Task<HttpClient> PageClientAsync(string user)
    {
        var client = await factory.SignedInAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    /// <summary>The texts of the right options of the attempt's choice questions (long enough not to appear by chance).</summary>
    private Task<List<string>> KeysAsync(long attemptId) => factory.QueryAsync(async db =>
    {
        var ids = await db.AttemptItems.Where(i => i.AttemptId == attemptId).Select(i => i.QuestionId).ToListAsync();
        var questions = await db.Questions.Where(q => ids.Contains(q.Id)).ToListAsync();
        return questions.Where(q => q.Type is QuestionType.Single or QuestionType.Multiple)
            .SelectMany(q => q.Options.Where(o => o.Fraction > 0).Select(o => o.Text)).Where(t => t.Length >= 6).Distinct().ToList();
    });

    private static void NoKeys(string html, List<string> keys)
    {
        Assert.DoesNotContain(KeyLabel, html, StringComparison.Ordinal);
        foreach (var k in keys)
        {
            Assert.DoesNotContain(k, html, StringComparison.Ordinal);
            Assert.DoesNotContain(WebUtility.HtmlEncode(k), html, StringComparison.Ordinal);
        }
    }

    private async Task<long> StartAsync(HttpClient agent, int examId)
    {
        var start = await agent.PostAsync($"/api/v1/exams/{examId}/attempts", null);
        Assert.True(start.IsSuccessStatusCode, await start.Content.ReadAsStringAsync());
        return (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task A_lead_in_the_audience_reads_no_keys_and_the_agent_sees_them_only_after_close()
    {
        var examId = await NewExamAsync(ReviewTime.AfterClose, attempts: 1, leadInAudience: true);
        using var agentApi = await factory.BearerAsync("agent");
        var attemptId = await StartAsync(agentApi, examId);
        var keys = await KeysAsync(attemptId);
        Assert.NotEmpty(keys);

        // The lead (in the exam's audience, the agent in scope) opens the agent's open attempt: no keys.
        using (var lead = await PageClientAsync("lead"))
        {
            var page = await lead.GetAsync($"/exams/attempts/{attemptId}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            NoKeys(await page.Content.ReadAsStringAsync(), keys);
        }

        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/attempts/{attemptId}/submit", null)).StatusCode);

        // Submitted, exam still open: neither the lead (could still take it) nor the agent ("after close") sees keys.
        using (var lead = await PageClientAsync("lead"))
        {
            NoKeys(await lead.GetStringAsync($"/exams/attempts/{attemptId}"), keys);
        }

        using (var agent = await PageClientAsync("agent"))
        {
            var html = await agent.GetStringAsync($"/exams/attempts/{attemptId}");
            NoKeys(html, keys);
            Assert.Contains("考试结束后", html, StringComparison.Ordinal); // the note says when the answers can be reviewed
        }

        // A trainer (grades and analyses, not in the audience) sees the keys of the submitted attempt.
        using (var trainer = await PageClientAsync("trainer"))
        {
            Assert.Contains(KeyLabel, await trainer.GetStringAsync($"/exams/attempts/{attemptId}"), StringComparison.Ordinal);
        }

        // After the close the agent sees the keys, as the paper's review setting says.
        factory.Clock.Advance(TimeSpan.FromHours(5));
        using (var agent = await PageClientAsync("agent"))
        {
            var html = await agent.GetStringAsync($"/exams/attempts/{attemptId}");
            Assert.Contains(KeyLabel, html, StringComparison.Ordinal);
            Assert.True(html.Contains(keys[0], StringComparison.Ordinal) || html.Contains(WebUtility.HtmlEncode(keys[0]), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Keys_after_submit_wait_for_the_last_attempt()
    {
        var examId = await NewExamAsync(ReviewTime.AfterSubmit, attempts: 2, leadInAudience: false);
        using var agentApi = await factory.BearerAsync("agent");
        var first = await StartAsync(agentApi, examId);
        var keys = await KeysAsync(first);
        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/attempts/{first}/submit", null)).StatusCode);

        using (var agent = await PageClientAsync("agent"))
        {
            var html = await agent.GetStringAsync($"/exams/attempts/{first}");
            NoKeys(html, keys); // a second attempt is left: the old code showed the keys here
            Assert.Contains("用完全部作答次数", html, StringComparison.Ordinal);
        }

        var second = await StartAsync(agentApi, examId);
        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/attempts/{second}/submit", null)).StatusCode);
        using (var agent = await PageClientAsync("agent"))
        {
            Assert.Contains(KeyLabel, await agent.GetStringAsync($"/exams/attempts/{first}"), StringComparison.Ordinal);
        }
    }
}
