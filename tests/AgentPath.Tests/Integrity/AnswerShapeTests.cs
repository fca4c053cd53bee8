using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Integrity;

public sealed class AnswerShapeTests_Sqlite(SqliteAppFactory f) : AnswerShapeTests<SqliteAppFactory>(f);

public sealed class AnswerShapeTests_Postgres(PostgresAppFactory f) : AnswerShapeTests<PostgresAppFactory>(f);

/// <summary>
/// Issue 10, failures 13 and 12 (seq): an answer must be of the question's shape and seq in 1..2^31−1. On the old code
/// every refused answer below answered 204 (stored), seq = 2^62 was stored (after which every normal save was dropped
/// as older), and a negative seq was reported as a wrong answer format.
/// </summary>
public abstract class AnswerShapeTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private async Task<int> NewExamAsync() => await factory.QueryAsync(async db =>
    {
        var paperTitle = factory.OpenExamPaper;
        var paper = await db.Papers.FirstAsync(p => p.Title == paperTitle);
        var teamId = await db.Employees.Where(e => e.Name == "马晓东").Select(e => e.TeamId!.Value).SingleAsync();
        var now = factory.Clock.GetUtcNow();
        var exam = new Exam("形状测试 " + Guid.NewGuid().ToString("N")[..6], paper, ExamKind.SpotQuestions, now.AddMinutes(-5), now.AddHours(4), 1, countsForPoints: false);
        exam.AddAudience(AudienceKind.Team, teamId, null);
        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        return exam.Id;
    });

    private static async Task<HttpResponseMessage> PutRawAsync(HttpClient api, long attempt, int question, string json) =>
        await api.PutAsync($"/api/v1/attempts/{attempt}/answers/{question}", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<(string? Response, long Seq)> StoredAsync(long attempt, int question) => await factory.QueryAsync(async db =>
    {
        var i = await db.AttemptItems.AsNoTracking().SingleAsync(x => x.AttemptId == attempt && x.QuestionId == question);
        return (i.Response, i.Seq);
    });

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage r, string what)
    {
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        var title = body.GetProperty("title").GetString()!;
        Assert.True(title.Any(c => c >= 0x4E00 && c <= 0x9FFF), $"{what}: not in Chinese: {title}");
        return body;
    }

    [Fact]
    public async Task Answers_not_of_the_questions_shape_and_seq_out_of_range_are_refused_and_change_nothing()
    {
        var examId = await NewExamAsync();
        using var api = await factory.BearerAsync("agent");
        api.DefaultRequestHeaders.AcceptLanguage.Clear();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var attempt = await (await api.PostAsync($"/api/v1/exams/{examId}/attempts", null)).Content.ReadFromJsonAsync<JsonElement>();
        var attemptId = attempt.GetProperty("id").GetInt64();
        var questions = attempt.GetProperty("questions").EnumerateArray().ToList();
        JsonElement Of(string type) => questions.First(q => q.GetProperty("type").GetString() == type);
        int[] OptionsOf(JsonElement q) => q.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToArray();

        var single = Of("single");
        var singleId = single.GetProperty("id").GetInt32();
        var own = OptionsOf(single);
        var foreign = questions.SelectMany(OptionsOf).Where(id => !own.Contains(id)).DefaultIfEmpty(own.Max() + 7).First();
        var sw = Stopwatch.StartNew();
        foreach (var bad in new[] { "null", "\"abc\"", "[1]", "-5", foreign.ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"x\":1}", "1.5" })
        {
            var body = await RefusedAsync(await PutRawAsync(api, attemptId, singleId, $$"""{"response":{{bad}},"seq":1}"""), "single " + bad);
            Assert.Contains("单选题", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        if (questions.Any(q => q.GetProperty("type").GetString() == "multiple"))
        {
            var multiple = Of("multiple");
            var ids = OptionsOf(multiple);
            foreach (var bad in new[] { "null", "\"abc\"", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), $"[{ids[0]},{ids[0]}]", $"[{ids.Max() + 50}]" })
            {
                await RefusedAsync(await PutRawAsync(api, attemptId, multiple.GetProperty("id").GetInt32(), $$"""{"response":{{bad}},"seq":1}"""), "multiple " + bad);
            }

            Assert.Equal((null, 0L), await StoredAsync(attemptId, multiple.GetProperty("id").GetInt32()));
        }

        if (questions.Any(q => q.GetProperty("type").GetString() == "fillin"))
        {
            var fill = Of("fillin").GetProperty("id").GetInt32();
            foreach (var bad in new[] { "null", "5", "[1]", JsonSerializer.Serialize(new string('字', AnswerShape.FillInMax + 1)) })
            {
                await RefusedAsync(await PutRawAsync(api, attemptId, fill, $$"""{"response":{{bad}},"seq":1}"""), "fill-in");
            }

            Assert.Equal((null, 0L), await StoredAsync(attemptId, fill));
        }

        // Nothing refused was stored.
        Assert.Equal((null, 0L), await StoredAsync(attemptId, singleId));

        // seq: 2^62 and negative are refused as a seq problem, with the answer well formed.
        foreach (var seq in new[] { "4611686018427387904", "-1", "0", "2147483648" })
        {
            var body = await RefusedAsync(await PutRawAsync(api, attemptId, singleId, $$"""{"response":{{own[0]}},"seq":{{seq}}}"""), "seq " + seq);
            Assert.Contains("seq", body.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("答案格式", body.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal((null, 0L), await StoredAsync(attemptId, singleId));

        // A normal save is still taken (2^62 did not poison the question).
        Assert.Equal(HttpStatusCode.NoContent, (await PutRawAsync(api, attemptId, singleId, $$"""{"response":{{own[1]}},"seq":1}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PutRawAsync(api, attemptId, singleId, $$"""{"response":{{own[0]}},"seq":2}""")).StatusCode);
        Assert.Equal((own[0].ToString(System.Globalization.CultureInfo.InvariantCulture), 2L), await StoredAsync(attemptId, singleId));
        Console.WriteLine($"AnswerShape: {sw.ElapsedMilliseconds} ms for all refusals and saves");
    }
}
