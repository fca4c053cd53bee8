using System.Net;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Assessments;

public sealed class QuestionEditTests_Sqlite(SqliteAppFactory f) : QuestionEditTests<SqliteAppFactory>(f);

public sealed class QuestionEditTests_Postgres(PostgresAppFactory f) : QuestionEditTests<PostgresAppFactory>(f);

/// <summary>The question editor, through its form: every type, versions once an attempt has shown a question, messages in the user's language.</summary>
public abstract partial class QuestionEditTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const string NewPath = "/question-bank/edit";

    [GeneratedRegex(@"^/question-bank/edit/(\d+)\?saved=(\w+)$")]
    private static partial Regex Saved();

    private Task<int> AreaAsync(string name) =>
        factory.QueryAsync(db => db.KnowledgeAreas.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private Task<Question> QuestionAsync(int id) => factory.QueryAsync(db => db.Questions.SingleAsync(q => q.Id == id));

    private static string Unique(string text) => text + " " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The form's fields: the given ones over the defaults of a valid single-choice question.</summary>
    private static List<KeyValuePair<string, string>> Fields(int areaId, string text, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.AreaId"] = areaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Type"] = "Single",
            ["Input.Name"] = "",
            ["Input.Text"] = text,
            ["Input.Difficulty"] = "3",
            ["Input.Points"] = "1",
            ["Input.Tags"] = "",
            ["Input.Status"] = "Active",
            ["Input.MultipleScoring"] = "Partial",
        };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return form.ToList();
    }

    private static (string Name, string Value)[] Options(params (string Text, bool Right)[] options) =>
        options.SelectMany((o, i) => o.Right
            ? new[] { ($"Input.Options[{i}].Text", o.Text), ($"Input.Options[{i}].Right", "true") }
            : [($"Input.Options[{i}].Text", o.Text)]).ToArray();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        var token = await client.FormTokenAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>Posts the form and returns the saved question's id and what the page says happened.</summary>
    private static async Task<(int Id, string Outcome)> SaveAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        var response = await PostAsync(client, path, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}: {Regex.Match(body, "<div class=\"errors[^>]*>.*?</div>", RegexOptions.Singleline).Value}");
        var m = Saved().Match(response.Headers.Location!.OriginalString);
        Assert.True(m.Success, response.Headers.Location!.OriginalString);
        return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value);
    }

    [Fact]
    public async Task A_question_of_each_type_is_created_through_the_form()
    {
        using var client = await factory.SignedInAsync("trainer");
        var area = await AreaAsync("产品知识");

        var single = Unique("单选：本品的保质期是多久？");
        var (singleId, outcome) = await SaveAsync(client, NewPath, Fields(area, single, [("Input.Name", "保质期"), ("Input.Difficulty", "4"), ("Input.Points", "2.5"),
            ("Input.Tags", "新品, 保质期，新品"), ("Input.Status", "Draft"), ("Input.Explanation", "见产品说明书。"), .. Options(("24个月", true), ("12个月", false), ("", false), ("6个月", false))]));
        Assert.Equal("created", outcome);
        var q = await QuestionAsync(singleId);
        Assert.Equal((QuestionType.Single, "保质期", single, 4, 2.5m, "新品,保质期", QuestionStatus.Draft, 1, true), (q.Type, q.Name, q.Text, q.Difficulty, q.DefaultPoints, q.Tags, q.Status, q.Version, q.IsCurrent));
        Assert.Equal("见产品说明书。", q.Explanation);
        Assert.Equal([("24个月", 1m), ("12个月", 0m), ("6个月", 0m)], q.Options.Select(o => (o.Text, o.Fraction)));

        var multiple = Unique("多选：以下哪些是本品的卖点？");
        var (multipleId, _) = await SaveAsync(client, NewPath, Fields(area, multiple, [("Input.Type", "Multiple"), ("Input.MultipleScoring", "AllOrNothing"),
            .. Options(("无糖", true), ("低脂", true), ("治病", false))]));
        q = await QuestionAsync(multipleId);
        Assert.Equal(QuestionType.Multiple, q.Type);
        Assert.Equal(MultipleScoring.AllOrNothing, q.MultipleScoring);
        Assert.Equal([0.5m, 0.5m, 0m], q.Options.Select(o => o.Fraction));
        Assert.Equal(multiple.Length > 30 ? multiple[..30] : multiple, q.Name); // an empty name takes the start of the text

        var trueFalse = Unique("判断：本品可以替代药物。");
        var (tfId, _) = await SaveAsync(client, NewPath, Fields(area, trueFalse, ("Input.Type", "TrueFalse"), ("Input.TrueFalseAnswer", "false")));
        q = await QuestionAsync(tfId);
        Assert.Equal(QuestionType.TrueFalse, q.Type);
        Assert.Equal([0m, 1m], q.Options.Select(o => o.Fraction)); // True wrong, False right

        var fillIn = Unique("填空：本品保质期为___个月。");
        var (fillId, _) = await SaveAsync(client, NewPath, Fields(area, fillIn, ("Input.Type", "FillIn"), ("Input.AcceptedAnswers", "24\r\n 二十四 \r\n\r\n")));
        q = await QuestionAsync(fillId);
        Assert.Equal(QuestionType.FillIn, q.Type);
        Assert.Equal(["24", "二十四"], q.AcceptedAnswers);
        Assert.Empty(q.Options);

        var shortAnswer = Unique("简答：如何向客户介绍本品？");
        var (shortId, _) = await SaveAsync(client, NewPath, Fields(area, shortAnswer, ("Input.Type", "Short"), ("Input.Rubric", "提到无糖、低脂两点得满分。"), ("Input.Points", "5")));
        q = await QuestionAsync(shortId);
        Assert.Equal((QuestionType.Short, "提到无糖、低脂两点得满分。", 5m), (q.Type, q.Rubric, q.DefaultPoints));

        // The page after saving says so, and shows the question to edit.
        var html = await client.GetStringAsync($"/question-bank/edit/{shortId}?saved=created");
        Assert.Contains("试题已加入题库。", html, StringComparison.Ordinal);
        Assert.Contains("提到无糖、低脂两点得满分。", html, StringComparison.Ordinal);

        // Every save is in the audit trail under the trainer's name.
        var keys = new[] { singleId, multipleId, tfId, fillId, shortId }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audited = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "Question" && keys.Contains(a.Key) && a.Action == AuditAction.Created).ToListAsync());
        Assert.Equal(5, audited.Count);
        Assert.All(audited, a => Assert.Equal("trainer", a.UserName));
    }

    [Fact]
    public async Task Editing_a_question_an_attempt_has_shown_makes_version_2_and_leaves_version_1_as_it_was()
    {
        using var client = await factory.SignedInAsync("trainer");
        var area = await AreaAsync("流程与规范");
        var original = Unique("回访时第一句应当是？");
        var options = Options(("问候并报出工号", true), ("直接推荐新品", false));
        var (v1Id, _) = await SaveAsync(client, NewPath, Fields(area, original, options));

        // An exam on a paper with this question, for the demo agent's team; the agent starts it.
        var examId = await factory.QueryAsync(async db =>
        {
            var question = await db.Questions.SingleAsync(x => x.Id == v1Id);
            var paper = new Paper("版本测试卷 " + Guid.NewGuid().ToString("N")[..6], PaperMode.Fixed, 30, 60, false, false, ReviewTime.AfterClose);
            paper.AddQuestion(question, 5);
            var teamId = await db.Employees.Where(e => e.Name == "马晓东").Select(e => e.TeamId!.Value).SingleAsync();
            var now = factory.Clock.GetUtcNow();
            var exam = new Exam("版本测试 " + Guid.NewGuid().ToString("N")[..6], paper, ExamKind.SpotQuestions, now.AddMinutes(-5), now.AddHours(4), 1, countsForPoints: false);
            exam.AddAudience(AudienceKind.Team, teamId, null);
            db.Exams.Add(exam);
            await db.SaveChangesAsync();
            return exam.Id;
        });
        using (var agent = await factory.BearerAsync("agent"))
        {
            Assert.Equal(HttpStatusCode.Created, (await agent.PostAsync($"/api/v1/exams/{examId}/attempts", null)).StatusCode);
        }

        var editPath = $"/question-bank/edit/{v1Id}";
        Assert.Contains("已有答卷使用过此版本。保存修改将生成版本 2", await client.GetStringAsync(editPath), StringComparison.Ordinal);

        // A change of status alone keeps the version.
        var (sameId, _) = await SaveAsync(client, editPath, Fields(area, original, [("Input.Status", "Draft"), .. options]));
        Assert.Equal(v1Id, sameId);
        var kept = await QuestionAsync(v1Id);
        Assert.Equal((1, QuestionStatus.Draft, true), (kept.Version, kept.Status, kept.IsCurrent));

        var changed = Unique("回访电话接通后，第一句应当是？");
        var (v2Id, outcome) = await SaveAsync(client, editPath, Fields(area, changed, [("Input.Status", "Active"), .. Options(("问候并报出公司和工号", true), ("直接推荐新品", false), ("询问客户收入", false))]));
        Assert.Equal("version", outcome);
        Assert.NotEqual(v1Id, v2Id);

        var v1 = await QuestionAsync(v1Id);
        var v2 = await QuestionAsync(v2Id);
        Assert.Equal((1, false, original, 2), (v1.Version, v1.IsCurrent, v1.Text, v1.Options.Count));
        Assert.Equal("问候并报出工号", v1.Options[0].Text);
        Assert.Equal((2, true, changed, 3, v1.FamilyId, QuestionStatus.Active), (v2.Version, v2.IsCurrent, v2.Text, v2.Options.Count, v2.FamilyId, v2.Status));

        // The attempt keeps the version it showed.
        Assert.Equal([v1Id], await factory.QueryAsync(db => db.AttemptItems.Where(i => i.Attempt.ExamId == examId).Select(i => i.QuestionId).ToListAsync()));

        var page = await client.GetStringAsync($"/question-bank/edit/{v2Id}?saved=version");
        Assert.Contains("已生成新版本；已作答的答卷仍保留作答时的版本。", page, StringComparison.Ordinal);
        Assert.Contains("v2", page, StringComparison.Ordinal);

        // The old version's page leads to the current one.
        var old = await client.GetAsync(editPath);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal($"/question-bank/edit/{v2Id}", old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Editing_a_question_no_attempt_has_shown_changes_it_in_place()
    {
        using var client = await factory.SignedInAsync("trainer");
        var area = await AreaAsync("呼叫系统");
        var (id, _) = await SaveAsync(client, NewPath, Fields(area, Unique("小休状态应如何设置？"), ("Input.Type", "TrueFalse"), ("Input.TrueFalseAnswer", "true")));

        var changed = Unique("离开座位时应将系统状态置为“小休”。");
        var (again, outcome) = await SaveAsync(client, $"/question-bank/edit/{id}", Fields(area, changed, ("Input.Type", "TrueFalse"), ("Input.TrueFalseAnswer", "true"), ("Input.Difficulty", "2")));
        Assert.Equal((id, "saved"), (again, outcome));
        var q = await QuestionAsync(id);
        Assert.Equal((1, true, changed, 2), (q.Version, q.IsCurrent, q.Text, q.Difficulty));
        Assert.Equal(1, await factory.QueryAsync(db => db.Questions.CountAsync(x => x.FamilyId == q.FamilyId)));
    }

    [Fact]
    public async Task Invalid_input_shows_the_message_in_the_users_language_and_saves_nothing()
    {
        using var client = await factory.SignedInAsync("trainer");
        var area = await AreaAsync("产品知识");
        var before = await factory.QueryAsync(db => db.Questions.CountAsync());
        var bad = Fields(area, "", Options(("A", true), ("B", true), ("C", false)));

        var response = await PostAsync(client, NewPath, bad);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("单选题必须有且只有一个正确选项。", html, StringComparison.Ordinal);
        Assert.Contains("题干为空。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"B\"", html, StringComparison.Ordinal); // what was typed stays in the form

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await (await PostAsync(client, NewPath, bad)).Content.ReadAsStringAsync();
        Assert.Contains("A single-choice question needs exactly one right option.", english, StringComparison.Ordinal);
        Assert.Contains("The question has no text.", english, StringComparison.Ordinal);

        var noArea = await (await PostAsync(client, NewPath, Fields(area, "有题干", [("Input.AreaId", ""), ("Input.Points", "0"), .. Options(("A", true), ("B", false))]))).Content.ReadAsStringAsync();
        Assert.Contains("Knowledge area is required.", noArea, StringComparison.Ordinal);
        Assert.Contains("Points must be more than 0 and at most 100.", noArea, StringComparison.Ordinal);

        Assert.Equal(before, await factory.QueryAsync(db => db.Questions.CountAsync()));
    }

    [Fact]
    public async Task A_question_that_does_not_exist_is_not_found()
    {
        using var client = await factory.SignedInAsync("trainer");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/question-bank/edit/987654")).StatusCode);
        var token = await client.FormTokenAsync(NewPath);
        var post = await client.PostAsync("/question-bank/edit/987654", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
