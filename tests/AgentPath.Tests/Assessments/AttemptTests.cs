using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Tests.Assessments;

public sealed class AttemptTests_Sqlite(SqliteAppFactory f) : AttemptTests<SqliteAppFactory>(f);

public sealed class AttemptTests_Postgres(PostgresAppFactory f) : AttemptTests<PostgresAppFactory>(f);

/// <summary>Taking an exam through the API the exam page uses: nothing acknowledged is lost, the server's clock decides.</summary>
public abstract class AttemptTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    public sealed record Option(int Id, string Text);

    public sealed record QuestionView(int Id, string Type, string Text, List<Option> Options, decimal Points);

    public sealed record Answer(int QuestionId, JsonElement? Response, long Seq);

    public sealed record AttemptView(long Id, int ExamId, DateTimeOffset Deadline, string Status, List<QuestionView> Questions, List<Answer> Answers);

    public sealed record Result(decimal Score, decimal MaxScore, bool Passed);

    /// <summary>A fresh exam on the paper of the demo's open monthly exam for the demo agent's team, open now, 30 minutes, 60 s grace.</summary>
    private async Task<int> NewExamAsync(int attempts = 1) => await factory.QueryAsync(async db =>
    {
        var paperTitle = factory.OpenExamPaper;
        var paper = await db.Papers.Include(p => p.Items).FirstAsync(p => p.Title == paperTitle);
        var teamId = await db.Employees.Where(e => e.Name == "马晓东").Select(e => e.TeamId!.Value).SingleAsync();
        var now = factory.Clock.GetUtcNow();
        var exam = new Exam("测试考试 " + Guid.NewGuid().ToString("N")[..6], paper, ExamKind.SpotQuestions, now.AddMinutes(-5), now.AddHours(4), attempts, countsForPoints: false);
        exam.AddAudience(AudienceKind.Team, teamId, null);
        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        return exam.Id;
    });

    private Task<Dictionary<int, Question>> QuestionsAsync(IEnumerable<int> ids) =>
        factory.QueryAsync(db => db.Questions.Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id));

    private static object RightResponse(Question q) => q.Type switch
    {
        QuestionType.Single or QuestionType.TrueFalse => q.Options.First(o => o.Fraction >= 1).Id,
        QuestionType.Multiple => q.Options.Where(o => o.Fraction > 0).Select(o => o.Id).ToArray(),
        QuestionType.FillIn => "　" + q.AcceptedAnswers[0].ToUpperInvariant() + " ", // full-width space and case do not matter
        _ => "",
    };

    private static Task<HttpResponseMessage> SaveAsync(HttpClient api, long attempt, int question, object? response, long seq) =>
        api.PutAsJsonAsync($"/api/v1/attempts/{attempt}/answers/{question}", new { response, seq });

    [Fact]
    public async Task An_agent_takes_an_exam_from_start_to_result()
    {
        var examId = await NewExamAsync();
        using var api = await factory.BearerAsync("agent");
        var mine = await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/my/exams");
        Assert.Contains(mine!, e => e.GetProperty("id").GetInt32() == examId);

        var start = await api.PostAsync($"/api/v1/exams/{examId}/attempts", null);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var body = await start.Content.ReadAsStringAsync();
        Assert.DoesNotContain("fraction", body, StringComparison.OrdinalIgnoreCase); // no keys
        var attempt = JsonSerializer.Deserialize<AttemptView>(body, JsonSerializerOptions.Web)!;
        Assert.Equal(19, attempt.Questions.Count);

        var again = await api.PostAsync($"/api/v1/exams/{examId}/attempts", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(attempt.Id, (await again.Content.ReadFromJsonAsync<AttemptView>())!.Id);

        var keys = await QuestionsAsync(attempt.Questions.Select(q => q.Id));
        foreach (var q in attempt.Questions)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await SaveAsync(api, attempt.Id, q.Id, RightResponse(keys[q.Id]), 1)).StatusCode);
        }

        var reloaded = await api.GetFromJsonAsync<AttemptView>($"/api/v1/attempts/{attempt.Id}");
        Assert.Equal("Open", reloaded!.Status);
        Assert.Equal(19, reloaded.Answers.Count);
        Assert.All(reloaded.Answers, a => Assert.Equal(1, a.Seq));

        var submit = await api.PostAsync($"/api/v1/attempts/{attempt.Id}/submit", null);
        var result = await submit.Content.ReadFromJsonAsync<Result>();
        Assert.Equal(95m, result!.MaxScore);
        Assert.Equal(95m, result.Score);
        Assert.True(result.Passed);

        var twice = await (await api.PostAsync($"/api/v1/attempts/{attempt.Id}/submit", null)).Content.ReadFromJsonAsync<Result>();
        Assert.Equal(result, twice);
        Assert.Equal(1, await factory.QueryAsync(db => db.AttemptResults.CountAsync(r => r.AttemptId == attempt.Id)));

        var late = await SaveAsync(api, attempt.Id, attempt.Questions[0].Id, 0, 2);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"/api/v1/exams/{examId}/attempts", null)).StatusCode); // no attempts left

        // The paper analysis takes the attempt in moments after the submit (in a batch); run the batch now.
        await factory.Services.GetRequiredService<ExamStatsJob>().RunOnceAsync();
        Assert.False(await factory.QueryAsync(db => db.PendingStats.AnyAsync(p => p.AttemptId == attempt.Id)));
        var stats = await factory.QueryAsync(db => db.ExamQuestionStats.Where(s => s.ExamId == examId).ToListAsync());
        Assert.All(stats, s => Assert.Equal(1, s.N));
        var grades = await factory.QueryAsync(db => db.ItemGrades.Where(g => db.AttemptItems.Any(i => i.Id == g.AttemptItemId && i.AttemptId == attempt.Id))
            .Join(db.AttemptItems, g => g.AttemptItemId, i => i.Id, (g, i) => new { i.QuestionId, g.Score, i.Response }).ToListAsync());
        var total = (double)grades.Sum(g => g.Score);
        foreach (var g in grades)
        {
            var s = stats.Single(x => x.QuestionId == g.QuestionId);
            double x = (double)g.Score, y = total - x;
            Assert.Equal(x, s.SumX, 6);
            Assert.Equal(x * x, s.SumX2, 6);
            Assert.Equal(y, s.SumY, 6);
            Assert.Equal(y * y, s.SumY2, 6);
            Assert.Equal(x * y, s.SumXY, 6);
        }

        // Each chosen option was counted once, and nothing else.
        var options = await factory.QueryAsync(db => db.ExamOptionStats.Where(o => o.ExamId == examId).ToListAsync());
        var chosen = grades.SelectMany(g => ExamEngine.ChosenOptions(g.Response).Select(o => (g.QuestionId, o))).ToHashSet();
        Assert.NotEmpty(chosen);
        Assert.All(options, o => Assert.Equal(chosen.Contains((o.QuestionId, o.OptionId)) ? 1 : 0, o.Count));
    }

    [Fact]
    public async Task An_older_save_that_arrives_late_never_overwrites_a_newer_one()
    {
        var examId = await NewExamAsync();
        using var api = await factory.BearerAsync("agent");
        var attempt = (await (await api.PostAsync($"/api/v1/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<AttemptView>())!;
        var q = attempt.Questions.First(x => x.Type == "single");

        Assert.Equal(HttpStatusCode.NoContent, (await SaveAsync(api, attempt.Id, q.Id, q.Options[1].Id, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SaveAsync(api, attempt.Id, q.Id, q.Options[0].Id, 4)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SaveAsync(api, attempt.Id, q.Id, q.Options[2].Id, 5)).StatusCode);

        var view = await api.GetFromJsonAsync<AttemptView>($"/api/v1/attempts/{attempt.Id}");
        var answer = view!.Answers.Single(a => a.QuestionId == q.Id);
        Assert.Equal(5, answer.Seq);
        Assert.Equal(q.Options[1].Id, answer.Response!.Value.GetInt32());

        Assert.Equal(HttpStatusCode.BadRequest, (await SaveAsync(api, attempt.Id, q.Id, new { x = 1 }, 6)).StatusCode);
    }

    [Fact]
    public async Task A_save_within_the_grace_is_accepted_and_one_second_after_it_is_refused()
    {
        var examId = await NewExamAsync();
        using var api = await factory.BearerAsync("agent");
        var attempt = (await (await api.PostAsync($"/api/v1/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<AttemptView>())!;
        var q = attempt.Questions.First(x => x.Type == "single");
        var grace = TimeSpan.FromSeconds(60);

        factory.Clock.SetUtcNow(attempt.Deadline + grace - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NoContent, (await SaveAsync(api, attempt.Id, q.Id, q.Options[0].Id, 1)).StatusCode);

        factory.Clock.SetUtcNow(attempt.Deadline + grace + TimeSpan.FromSeconds(1));
        var late = await SaveAsync(api, attempt.Id, q.Id, q.Options[1].Id, 2);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));

        // The deadline job finishes the attempt with the answer saved in time.
        // (The hosted job may have run already when the clock moved; running it again changes nothing.)
        await factory.Services.GetRequiredService<DeadlineJob>().RunOnceAsync(CancellationToken.None);
        var attemptRow = await factory.QueryAsync(db => db.Attempts.SingleAsync(a => a.Id == attempt.Id));
        Assert.Equal(AttemptStatus.Submitted, attemptRow.Status);
        Assert.True(attemptRow.FinishedAtDeadline);
        var item = await factory.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == attempt.Id && i.QuestionId == q.Id));
        Assert.Equal(q.Options[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Response);

        var result = await (await api.PostAsync($"/api/v1/attempts/{attempt.Id}/submit", null)).Content.ReadFromJsonAsync<Result>();
        var key = (await QuestionsAsync([q.Id]))[q.Id];
        Assert.Equal(key.Options.First(o => o.Id == q.Options[0].Id).Fraction >= 1 ? 5m : 0m, result!.Score);
    }

    [Fact]
    public async Task The_clients_word_on_time_is_ignored_only_the_servers_clock_decides()
    {
        var examId = await NewExamAsync();
        using var api = await factory.BearerAsync("agent");
        var attempt = (await (await api.PostAsync($"/api/v1/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<AttemptView>())!;
        var q = attempt.Questions.First(x => x.Type == "single");

        // Before the deadline, a client that says its time is up (its clock runs fast) is still heard.
        var early = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/attempts/{attempt.Id}/answers/{q.Id}")
        {
            Content = JsonContent.Create(new { response = q.Options[0].Id, seq = 1, savedAt = attempt.Deadline.AddHours(1), timeUp = true }),
        };
        early.Headers.Date = attempt.Deadline.AddHours(1);
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(early)).StatusCode);

        // After the deadline and its grace, a client that says it still has time (its clock runs slow) is refused.
        factory.Clock.SetUtcNow(attempt.Deadline + TimeSpan.FromSeconds(61));
        var late = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/attempts/{attempt.Id}/answers/{q.Id}")
        {
            Content = JsonContent.Create(new { response = q.Options[1].Id, seq = 2, savedAt = attempt.Deadline.AddMinutes(-10), timeLeft = 600 }),
        };
        late.Headers.Date = attempt.Deadline.AddMinutes(-10);
        Assert.Equal(HttpStatusCode.Conflict, (await api.SendAsync(late)).StatusCode);

        var item = await factory.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == attempt.Id && i.QuestionId == q.Id));
        Assert.Equal(q.Options[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Response);
        Assert.Equal(1, item.Seq);
        var row = await factory.QueryAsync(db => db.Attempts.SingleAsync(a => a.Id == attempt.Id));
        Assert.Equal(attempt.Deadline, row.Deadline); // the deadline was fixed by the server at start, and nothing the client sent moved it
    }

    [Fact]
    public async Task Another_persons_attempt_is_not_found_on_every_endpoint()
    {
        var examId = await NewExamAsync();
        using var agent = await factory.BearerAsync("agent");
        var attempt = (await (await agent.PostAsync($"/api/v1/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<AttemptView>())!;
        var q = attempt.Questions[0];

        using var lead = await factory.BearerAsync("lead");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/v1/attempts/{attempt.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(lead, attempt.Id, q.Id, 1, 99)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsync($"/api/v1/attempts/{attempt.Id}/submit", null)).StatusCode);
        Assert.Equal("Open", (await agent.GetFromJsonAsync<AttemptView>($"/api/v1/attempts/{attempt.Id}"))!.Status);

        // An exam not meant for someone is not found for them either.
        using var gm = await factory.BearerAsync("gm");
        Assert.Equal(HttpStatusCode.NotFound, (await gm.PostAsync($"/api/v1/exams/{examId}/attempts", null)).StatusCode);
    }

    [Fact]
    public async Task The_demo_holds_last_months_graded_exam_and_its_analysis_opens_for_a_trainer()
    {
        var lastMonths = factory.LastMonthsExamTitle;
        var october = await factory.QueryAsync(db => db.Exams.SingleAsync(e => e.Title == lastMonths));
        var graded = await factory.QueryAsync(db => db.AttemptResults.CountAsync(r => db.Attempts.Any(a => a.Id == r.AttemptId && a.ExamId == october.Id)));
        Assert.True(graded > 50);

        using var trainer = await factory.SignedInAsync("trainer");
        var html = await trainer.GetStringAsync($"/exams/{october.Id}/analysis");
        Assert.Contains("医学与疾病知识", html, StringComparison.Ordinal);
        Assert.Contains("糖尿病", html, StringComparison.Ordinal);

        using var agent = await factory.SignedInAsync("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/exams/{october.Id}/analysis")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/exams")).StatusCode);
    }
}
