using System.Net;
using System.Net.Http.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Tests.Assessments;

public sealed class RegradeTests_Sqlite(SqliteAppFactory f) : RegradeTests<SqliteAppFactory>(f);

public sealed class RegradeTests_Postgres(PostgresAppFactory f) : RegradeTests<PostgresAppFactory>(f);

/// <summary>Scores are never overwritten: hand grading and regrades add rows beside the originals, with who, when and why.</summary>
public abstract class RegradeTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    /// <summary>An exam for the demo agent's team on a new paper: one single-choice question and one short answer, 5 points each.</summary>
    private async Task<(int ExamId, Question Single, Question Short)> NewExamAsync() => await factory.QueryAsync(async db =>
    {
        var single = await db.Questions.FirstAsync(q => q.Type == QuestionType.Single && q.IsCurrent);
        var shortQ = await db.Questions.FirstAsync(q => q.Type == QuestionType.Short && q.IsCurrent);
        var paper = new Paper("复核测试 " + Guid.NewGuid().ToString("N")[..6], PaperMode.Fixed, 30, 60, false, false, ReviewTime.AfterSubmit);
        paper.AddQuestion(single, 5);
        paper.AddQuestion(shortQ, 5);
        var teamId = await db.Employees.Where(e => e.Name == "马晓东").Select(e => e.TeamId!.Value).SingleAsync();
        var now = factory.Clock.GetUtcNow();
        var exam = new Exam(paper.Title, paper, ExamKind.MonthlyBusiness, now.AddMinutes(-5), now.AddHours(2), 1, countsForPoints: true);
        exam.AddAudience(AudienceKind.Team, teamId, null);
        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        return (exam.Id, single, shortQ);
    });

    [Fact]
    public async Task Hand_grading_then_a_key_correction_keep_every_score_with_who_when_and_why()
    {
        var (examId, single, shortQ) = await NewExamAsync();
        using var agent = await factory.BearerAsync("agent");
        var attempt = (await (await agent.PostAsync($"/api/v1/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<AttemptTests<TFactory>.AttemptView>())!;
        var right = single.Options.First(o => o.Fraction >= 1).Id;
        var wrong = single.Options.First(o => o.Fraction < 1).Id;
        await agent.PutAsJsonAsync($"/api/v1/attempts/{attempt.Id}/answers/{single.Id}", new { response = wrong, seq = 1 });
        await agent.PutAsJsonAsync($"/api/v1/attempts/{attempt.Id}/answers/{shortQ.Id}", new { response = "先深呼吸，再和组长复盘。", seq = 1 });
        var submitted = await (await agent.PostAsync($"/api/v1/attempts/{attempt.Id}/submit", null)).Content.ReadFromJsonAsync<AttemptTests<TFactory>.Result>();
        Assert.Equal(0m, submitted!.Score);
        await factory.Services.GetRequiredService<ExamStatsJob>().RunOnceAsync(); // the analysis has taken the attempt in

        // The short answer waits in the grading queue, anonymised.
        using var trainer = await factory.SignedInAsync("trainer");
        var queue = await trainer.GetStringAsync("/exams/grading");
        Assert.Contains("先深呼吸", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("马晓东", queue, StringComparison.Ordinal);
        var itemId = await factory.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == attempt.Id && i.QuestionId == shortQ.Id).Select(i => i.Id).SingleAsync());
        var token = await trainer.FormTokenAsync("/exams/grading");
        var graded = await trainer.PostAsync("/exams/grading", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["itemId"] = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["score"] = "4", ["comment"] = "提到两点",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);

        // The hand-graded answer joins the paper analysis, and the single choice's "rest of the attempt" grows by its score.
        async Task<(int N, double X, double Y)> StatAsync(int q) => await factory.QueryAsync(db => db.ExamQuestionStats
            .Where(s => s.ExamId == examId && s.QuestionId == q).Select(s => new ValueTuple<int, double, double>(s.N, s.SumX, s.SumY)).SingleAsync());
        Assert.Equal((1, 4d, 0d), await StatAsync(shortQ.Id));
        Assert.Equal((1, 0d, 4d), await StatAsync(single.Id));

        // The single choice's key was wrong: the option the agent chose is the right one.
        token = await trainer.FormTokenAsync($"/question-bank/regrade/{single.Id}");
        var regrade = await trainer.PostAsync($"/question-bank/regrade/{single.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["right"] = wrong.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "答案有误，以新品说明书为准",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, regrade.StatusCode);

        Assert.Equal((1, 5d, 4d), await StatAsync(single.Id));
        Assert.Equal((1, 4d, 5d), await StatAsync(shortQ.Id));

        var results = await factory.QueryAsync(db => db.AttemptResults.Where(r => r.AttemptId == attempt.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([GradeSource.Auto, GradeSource.Manual, GradeSource.Regrade], results.Select(r => r.Source));
        Assert.Equal([0m, 4m, 9m], results.Select(r => r.Score));
        Assert.True(results[0].Provisional);
        Assert.False(results[1].Provisional);
        Assert.Equal(results[0].Id, results[1].SupersedesId);
        Assert.Equal(results[1].Id, results[2].SupersedesId);
        Assert.Equal("trainer", results[2].By);
        Assert.Equal("答案有误，以新品说明书为准", results[2].Reason);

        var grades = await factory.QueryAsync(db => db.ItemGrades.Where(g => db.AttemptItems.Any(i => i.Id == g.AttemptItemId && i.AttemptId == attempt.Id)).OrderBy(g => g.Id).ToListAsync());
        Assert.Equal(3, grades.Count);
        var singleGrades = grades.Where(g => g.Source != GradeSource.Manual).ToList();
        Assert.Equal([0m, 5m], singleGrades.Select(g => g.Score));
        Assert.Equal(singleGrades[0].Id, singleGrades[1].SupersedesId);

        // 90 % earns +1 on the monthly business exam; the first booking was none (provisional), then +1 after the regrade.
        var points = await factory.QueryAsync(db => db.PointsEntries.Where(p => p.SourceType == "ExamAttempt" && p.SourceId == attempt.Id).ToListAsync());
        Assert.Equal(1m, points.Sum(p => p.Points));

        var page = await agent.GetAsync($"/api/v1/attempts/{attempt.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
