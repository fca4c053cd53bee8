using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Assessments;

public sealed class PaperPagesTests_Sqlite(SqliteAppFactory f) : PaperPagesTests<SqliteAppFactory>(f);

public sealed class PaperPagesTests_Postgres(PostgresAppFactory f) : PaperPagesTests<PostgresAppFactory>(f);

/// <summary>The paper pages, through their forms: fixed and drawn papers, checks against the bank, and papers that exams use staying as they are.</summary>
public abstract partial class PaperPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const string NewPath = "/papers/edit";

    [GeneratedRegex(@"^/papers/edit/(\d+)\?saved=(\w+)$")]
    private static partial Regex Saved();

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Unique(string title) => title + " " + Guid.NewGuid().ToString("N")[..8];

    private Task<int> QuestionIdAsync(string textStart) =>
        factory.QueryAsync(db => db.Questions.Where(q => q.IsCurrent && q.Text.StartsWith(textStart)).Select(q => q.Id).SingleAsync());

    private Task<int> AreaAsync(string name) =>
        factory.QueryAsync(db => db.KnowledgeAreas.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private Task<int> ActiveAsync(int areaId, int? difficulty = null) =>
        factory.QueryAsync(db => db.Questions.CountAsync(q => q.AreaId == areaId && q.IsCurrent && q.Status == QuestionStatus.Active && (difficulty == null || q.Difficulty == difficulty)));

    private Task<Paper?> PaperAsync(string title) =>
        factory.QueryAsync(db => db.Papers.Include(p => p.Items).Include(p => p.DrawRules).AsSplitQuery().SingleOrDefaultAsync(p => p.Title == title));

    /// <summary>The settings of the form (a browser sends the checkboxes' hidden "false" too) followed by the given fields.</summary>
    private static List<KeyValuePair<string, string>> Fields(string title, string mode, params (string Name, string Value)[] fields)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("Input.Title", title), new("Input.Mode", mode), new("Input.DurationMinutes", "45"), new("Input.PassPercent", "70"),
            new("Input.ShuffleQuestions", "true"), new("Input.ShuffleQuestions", "false"), new("Input.ShuffleOptions", "false"),
            new("Input.ShowAnswers", "AfterSubmit"),
        ];
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return form;
    }

    private static (string, string)[] Rule(int row, int areaId, int? difficulty, int count, decimal points) =>
    [
        ($"Input.Rules[{row}].AreaId", S(areaId)),
        ($"Input.Rules[{row}].Difficulty", difficulty is { } d ? S(d) : ""),
        ($"Input.Rules[{row}].Count", S(count)),
        ($"Input.Rules[{row}].PointsEach", points.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>An empty rule row, as the form sends it.</summary>
    private static (string, string)[] Blank(int row) =>
        [($"Input.Rules[{row}].AreaId", ""), ($"Input.Rules[{row}].Difficulty", ""), ($"Input.Rules[{row}].Count", ""), ($"Input.Rules[{row}].PointsEach", "")];

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPath, string postPath, List<KeyValuePair<string, string>> fields)
    {
        var token = await client.FormTokenAsync(formPath);
        return await client.PostAsync(postPath, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    private static async Task<(int Id, string Outcome)> SaveAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        var response = await PostAsync(client, path, path, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}: {Regex.Match(body, "<div class=\"errors[^>]*>.*?</div>", RegexOptions.Singleline).Value}");
        var m = Saved().Match(response.Headers.Location!.OriginalString);
        Assert.True(m.Success, response.Headers.Location!.OriginalString);
        return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value);
    }

    [Fact]
    public async Task A_fixed_paper_is_made_from_chosen_questions_with_their_points_and_can_be_changed()
    {
        using var client = await factory.SignedInAsync("trainer");
        var product = await QuestionIdAsync("本月新品“益生菌固体饮料”");
        var essay = await QuestionIdAsync("遇到连续的投诉电话后"); // a short answer worth 5 points

        // The bank filters by knowledge area.
        var filtered = await client.GetStringAsync($"/papers/edit?FilterAreaId={await AreaAsync("情绪管理")}");
        Assert.Contains("遇到连续的投诉电话后", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("本月新品“益生菌固体饮料”", filtered, StringComparison.Ordinal);

        // Filtering again keeps what was ticked, on the paper.
        var refreshed = await PostAsync(client, NewPath, NewPath + "?handler=Refresh",
            [.. Fields("", "Fixed", ("Input.Selected", S(product)), ("Input.Points[" + S(product) + "]", "3")), new("FilterAreaId", S(await AreaAsync("情绪管理")))]);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var html = await refreshed.Content.ReadAsStringAsync();
        Assert.Contains($"name=\"Input.Selected\" value=\"{product}\" checked", html, StringComparison.Ordinal);
        Assert.Contains("本月新品“益生菌固体饮料”", html, StringComparison.Ordinal);

        var title = Unique("12月业务考试试卷");
        var (id, outcome) = await SaveAsync(client, NewPath, Fields(title, "Fixed",
            [("Input.Selected", S(essay)), ("Input.Selected", S(product)), ("Input.Points[" + S(product) + "]", "3"), ("Input.Points[" + S(essay) + "]", ""), .. Blank(0)]));
        Assert.Equal("saved", outcome);
        var paper = (await PaperAsync(title))!;
        Assert.Equal(id, paper.Id);
        Assert.Equal((PaperMode.Fixed, 45, 70m, true, false, ReviewTime.AfterSubmit), (paper.Mode, paper.DurationMinutes, paper.PassPercent, paper.ShuffleQuestions, paper.ShuffleOptions, paper.ShowAnswers));
        Assert.Equal([(essay, 5m), (product, 3m)], paper.Items.OrderBy(i => i.Order).Select(i => (i.QuestionId, i.Points)));
        Assert.Empty(paper.DrawRules);

        var list = await client.GetStringAsync("/papers");
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/papers/edit/{id}\"", list, StringComparison.Ordinal);

        // Changed: another title, one question fewer; the same paper.
        var renamed = Unique("12月业务考试试卷（修订）");
        var (again, _) = await SaveAsync(client, $"/papers/edit/{id}", Fields(renamed, "Fixed", ("Input.Selected", S(product)), ("Input.Points[" + S(product) + "]", "4")));
        Assert.Equal(id, again);
        paper = (await PaperAsync(renamed))!;
        Assert.Equal([(product, 4m)], paper.Items.Select(i => (i.QuestionId, i.Points)));
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<PaperItem>().CountAsync(i => i.PaperId == id)));
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "Paper" && a.Key == S(id)).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.Created, audit);
        Assert.Contains(AuditAction.Updated, audit);
    }

    [Fact]
    public async Task A_drawn_paper_takes_rules_the_bank_can_fill_and_no_more()
    {
        using var client = await factory.SignedInAsync("trainer");
        var products = await AreaAsync("产品知识");
        var process = await AreaAsync("流程与规范");
        var inProducts = await ActiveAsync(products);
        Assert.True(inProducts >= 2);
        Assert.True(await ActiveAsync(process, 3) >= 1);

        var title = Unique("随机组卷");
        var (id, _) = await SaveAsync(client, NewPath, Fields(title, "Drawn", [.. Rule(0, products, null, 2, 5), .. Rule(1, process, 3, 1, 10), .. Blank(2), ("Input.Selected", S(await QuestionIdAsync("本月新品")))]));
        var paper = (await PaperAsync(title))!;
        Assert.Equal(id, paper.Id);
        Assert.Equal(PaperMode.Drawn, paper.Mode);
        Assert.Empty(paper.Items); // a drawn paper ignores ticked questions
        Assert.Equal([(products, (int?)null, 2, 5m), (process, 3, 1, 10m)], paper.DrawRules.OrderBy(r => r.Id).Select(r => (r.AreaId, r.Difficulty, r.Count, r.PointsEach)));
        Assert.Equal(20m, paper.MaxPoints);

        var tooMany = Unique("抽题过多");
        var response = await PostAsync(client, NewPath, NewPath, Fields(tooMany, "Drawn", Rule(0, products, null, inProducts + 1, 1)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"题库中“产品知识”的启用试题只有 {inProducts} 道，而规则需要 {inProducts + 1} 道。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Two rules on the same area share its questions.
        response = await PostAsync(client, NewPath, NewPath, Fields(tooMany, "Drawn", [.. Rule(0, products, null, inProducts, 1), .. Rule(1, products, null, 1, 1)]));
        Assert.Contains($"而规则需要 {inProducts + 1} 道。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var hardest = await ActiveAsync(products, 5);
        response = await PostAsync(client, NewPath, NewPath, Fields(tooMany, "Drawn", Rule(0, products, 5, hardest + 1, 1)));
        Assert.Contains($"题库中“产品知识”难度为 5 的启用试题只有 {hardest} 道，而规则需要 {hardest + 1} 道。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        response = await PostAsync(client, NewPath, NewPath, Fields(tooMany, "Drawn"));
        Assert.Contains("随机组卷至少需要一条抽题规则。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await PaperAsync(tooMany));
    }

    [Fact]
    public async Task Bad_paper_input_gets_messages_in_the_users_language_and_saves_nothing()
    {
        using var client = await factory.SignedInAsync("trainer");
        var before = await factory.QueryAsync(db => db.Papers.CountAsync());
        var fields = Fields("", "Fixed", ("Input.DurationMinutes", "0"));
        fields.RemoveAll(f => f.Key == "Input.DurationMinutes" && f.Value == "45");

        var response = await PostAsync(client, NewPath, NewPath, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请填写试卷标题。", html, StringComparison.Ordinal);
        Assert.Contains("考试时长（分钟）必须在 1 到 600 之间。", html, StringComparison.Ordinal);
        Assert.Contains("固定试卷至少需要选择一道试题。", html, StringComparison.Ordinal);

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await (await PostAsync(client, NewPath, NewPath, fields)).Content.ReadAsStringAsync();
        Assert.Contains("Paper title is required.", english, StringComparison.Ordinal);
        Assert.Contains("Choose at least one question for a fixed paper.", english, StringComparison.Ordinal);

        Assert.Equal(before, await factory.QueryAsync(db => db.Papers.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/papers/edit/987654")).StatusCode);
    }

    [Fact]
    public async Task A_paper_an_exam_uses_is_read_only_and_can_be_copied()
    {
        using var client = await factory.SignedInAsync("trainer");
        var title = factory.OpenExamPaper;
        var used = (await PaperAsync(title))!;
        var path = $"/papers/edit/{used.Id}";

        var html = await client.GetStringAsync(path);
        Assert.Contains("该试卷已被考试使用，不能修改。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Title\"", html, StringComparison.Ordinal);
        Assert.Contains(factory.OpenExamTitle, await client.GetStringAsync("/papers"), StringComparison.Ordinal);

        var product = await QuestionIdAsync("本月新品“益生菌固体饮料”");
        var refused = await PostAsync(client, path, path, Fields("改过的标题", "Fixed", ("Input.Selected", S(product))));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("该试卷已被考试使用，不能修改。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = (await PaperAsync(title))!;
        Assert.Equal(used.Items.Count, after.Items.Count);
        Assert.Equal(used.MaxPoints, after.MaxPoints);

        var copied = await PostAsync(client, path, path + "?handler=Copy", []);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var m = Saved().Match(copied.Headers.Location!.OriginalString);
        Assert.Equal("copied", m.Groups[2].Value);
        var copy = (await PaperAsync(title + "（副本）"))!;
        Assert.Equal(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), copy.Id);
        Assert.Equal(used.Items.OrderBy(i => i.Order).Select(i => (i.QuestionId, i.Points)), copy.Items.OrderBy(i => i.Order).Select(i => (i.QuestionId, i.Points)));
        Assert.Contains("name=\"Input.Title\"", await client.GetStringAsync($"/papers/edit/{copy.Id}"), StringComparison.Ordinal);
    }
}
