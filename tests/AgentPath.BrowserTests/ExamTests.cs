using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class ExamTests(AppFixture app)
{
    /// <summary>
    /// Open now for the demo agent, with ONE attempt allowed. The fixture's database is shared by
    /// every browser test, so An_agent_on_a_phone_takes_an_exam_through_a_lost_connection must stay
    /// the only test that starts it (or answers or submits it); any other test would find it taken.
    /// </summary>
    private static readonly string OpenExam = AgentPath.Web.Data.DemoCalendar.ThisMonthsExam(AgentPath.Web.Data.DemoCalendar.Today(TimeProvider.System));

    /// <summary>Last month's exam, closed, with the demo's graded attempts and the trainer's analysis.</summary>
    private static readonly string ClosedExam = AgentPath.Web.Data.DemoCalendar.LastMonthsExam(AgentPath.Web.Data.DemoCalendar.Today(TimeProvider.System));

    // Answered while online.
    private static readonly ExamAnswer[] Online =
    [
        ExamAnswer.Choose("高血压患者的家庭血压", "135/85 mmHg"),
        ExamAnswer.Choose("糖尿病的典型症状", "多饮", "多尿", "体重下降"),
        ExamAnswer.Choose("绝经后女性是骨质疏松的高发人群", "正确"),
        ExamAnswer.Type("钙维D软胶囊", "24"),
    ];

    // Answered while offline; the page stays open and sends them when the connection returns.
    private static readonly ExamAnswer[] Offline =
    [
        ExamAnswer.Choose("客户表示“太贵了”", "认同客户感受，再说明产品价值"),
        ExamAnswer.Choose("受理退货时必须登记的信息", "订单号", "退货原因"),
        ExamAnswer.Choose("外呼时无需告知客户通话可能被录音", "错误"),
        ExamAnswer.Type("小时内升级给组长", "2"),
    ];

    // Answered while offline, then the tab is closed: only the copy in localStorage has them.
    private static readonly ExamAnswer[] OfflineThenClosed =
    [
        ExamAnswer.Choose("回访电话接通后，第一句应当是", "问候并报出公司和工号"),
        ExamAnswer.Choose("客户情绪激动时", "非常理解您的心情，我马上帮您核实处理"),
        ExamAnswer.Choose("离开座位时应将A3系统状态置为", "正确"),
        ExamAnswer.Type("标准结束语", "生活愉快"),
    ];

    [Fact]
    public async Task An_agent_on_a_phone_takes_an_exam_through_a_lost_connection()
    {
        await using var s = await app.OpenAsync("Exam.agent-phone", width: 390, height: 844, mobile: true);
        await s.LogInAsync("agent");

        // 我的考试 is behind the phone's menu button.
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "菜单", Exact = true }).TapAsync();
        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "我的考试", Exact = true }).TapAsync();
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "我的考试", Level = 2 })).ToBeVisibleAsync();
        var card = s.Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = OpenExam });
        await Expect(card).ToHaveCountAsync(1);
        // 开始考试, not 继续作答: no other test may start this exam (one attempt allowed, one shared database).
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "继续作答" })).ToHaveCountAsync(0);
        await card.GetByRole(AriaRole.Button, new() { Name = "开始考试", Exact = true }).TapAsync();

        var exam = new ExamTakePage(s.Page);
        await exam.ExpectLoadedAsync(OpenExam);
        var attemptId = exam.AttemptId;
        var takeUrl = s.Page.Url;
        // Nothing answered yet: the status line does not claim that everything is saved.
        await Expect(exam.Status).ToHaveTextAsync(ExamTakePage.NotAnswered);
        await Expect(s.Page.GetByRole(AriaRole.Group)).ToHaveCountAsync(19);
        await PhoneFit.AssertFitsThePhoneAsync(s.Page, "The exam page");

        // Online: each answer is saved at once.
        foreach (var answer in Online)
        {
            await exam.AnswerAsync(answer);
            await exam.ExpectSavedAsync(answer);
        }

        await exam.WaitAllSavedAsync();
        await s.ScreenshotAsync("exam-phone-390x844-saved", fullPage: false);

        // Offline: the answers stay on the device, and the page says so.
        await s.Context.SetOfflineAsync(true);
        foreach (var answer in Offline)
        {
            await exam.AnswerAsync(answer);
            await exam.ExpectKeptOfflineAsync(answer);
        }

        Assert.Equal(Offline.Length, await exam.PendingCountAsync());
        await exam.Question(Offline[^1].Question).ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync("exam-phone-390x844-offline", fullPage: false);
        await s.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await s.ScreenshotAsync("exam-phone-390x844-offline-top", fullPage: false);
        foreach (var answer in Online)
        {
            await exam.ExpectSavedAsync(answer);
        }

        // Nothing answered offline has reached the server yet (the API request does not go through the offline page).
        var meanwhile = await ServerAttempt.GetAsync(s.Context.APIRequest, app.BaseUrl, attemptId);
        foreach (var answer in Offline)
        {
            meanwhile.AssertLacks(answer);
        }

        // Back online: everything is sent without the agent doing anything.
        await s.Context.SetOfflineAsync(false);
        await exam.WaitAllSavedAsync();
        foreach (var answer in Offline)
        {
            await exam.ExpectSavedAsync(answer);
        }

        // A reload shows every answer, as the server rendered it.
        await s.Page.ReloadAsync();
        await exam.ExpectLoadedAsync(OpenExam);
        foreach (var answer in Online.Concat(Offline))
        {
            await exam.ExpectShownAsync(answer, renderedByServer: true);
            await exam.ExpectSavedAsync(answer);
        }

        await Expect(exam.Status).ToHaveTextAsync(ExamTakePage.AllSaved);
        await s.ScreenshotAsync("exam-phone-390x844-after-reload", fullPage: false);
        var server = await ServerAttempt.GetAsync(s.Page.APIRequest, app.BaseUrl, attemptId);
        Assert.Equal("Open", server.Status);
        foreach (var answer in Online.Concat(Offline))
        {
            server.AssertHolds(answer);
        }

        // Offline again, and the tab is closed before the connection returns (a reload would need the network).
        await s.Context.SetOfflineAsync(true);
        var chosenOffline = OfflineThenClosed.Where(a => a.Text is null).ToList();
        var typedOffline = OfflineThenClosed.Single(a => a.Text is not null);
        foreach (var answer in chosenOffline)
        {
            await exam.AnswerAsync(answer);
            await exam.ExpectKeptOfflineAsync(answer);
        }

        // A choice is copied to localStorage at once.
        var local = await exam.LocalCopyAsync();
        Assert.NotNull(local);
        foreach (var answer in chosenOffline)
        {
            var id = await exam.QuestionIdAsync(answer.Question);
            Assert.True(local.Value.TryGetProperty(id!, out var entry), $"localStorage has no copy of {answer}.");
            Assert.False(entry.GetProperty("acked").GetBoolean(), $"localStorage says {answer} reached the server.");
        }

        // Typed text is copied after a short pause in typing, or when the page goes away: the tab is closed
        // right after typing, most likely within the pause.
        await exam.AnswerAsync(typedOffline);
        await exam.ExpectKeptOfflineAsync(typedOffline);

        // The agent closes the tab and is warned that answers are waiting; they leave anyway.
        var closing = s.Page;
        string? leaveWarning = null;
        var closed = new TaskCompletionSource();
        closing.Dialog += async (_, dialog) =>
        {
            leaveWarning = dialog.Type;
            await dialog.AcceptAsync();
        };
        closing.Close += (_, _) => closed.TrySetResult();
        await closing.CloseAsync(new() { RunBeforeUnload = true });
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("beforeunload", leaveWarning);
        await s.Context.SetOfflineAsync(false);
        var beforeReopen = await ServerAttempt.GetAsync(s.Context.APIRequest, app.BaseUrl, attemptId);
        foreach (var answer in OfflineThenClosed)
        {
            beforeReopen.AssertLacks(answer);
        }

        // A new tab in the same browser: the page puts the local copies back and sends them.
        await s.NewPageAsync();
        exam = new ExamTakePage(s.Page);
        await s.Page.GotoAsync(takeUrl);
        await exam.ExpectLoadedAsync(OpenExam);
        Assert.Equal(attemptId, exam.AttemptId);
        await exam.WaitAllSavedAsync();
        foreach (var answer in OfflineThenClosed)
        {
            await exam.ExpectShownAsync(answer, renderedByServer: false);
            await exam.ExpectSavedAsync(answer);
        }

        await exam.Question(OfflineThenClosed[^1].Question).ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync("exam-phone-390x844-restored-from-device", fullPage: false);
        server = await ServerAttempt.GetAsync(s.Page.APIRequest, app.BaseUrl, attemptId);
        foreach (var answer in Online.Concat(Offline).Concat(OfflineThenClosed))
        {
            server.AssertHolds(answer);
        }

        // And the server renders them too.
        await s.Page.ReloadAsync();
        await exam.ExpectLoadedAsync(OpenExam);
        foreach (var answer in Online.Concat(Offline).Concat(OfflineThenClosed))
        {
            await exam.ExpectShownAsync(answer, renderedByServer: true);
        }

        await s.ScreenshotAsync("exam-phone-390x844-full");

        // Submit: the confirmation counts the questions left unanswered.
        var answered = Online.Length + Offline.Length + OfflineThenClosed.Length;
        string? confirm = null;
        s.Page.Dialog += async (_, dialog) =>
        {
            confirm = dialog.Message;
            await dialog.AcceptAsync();
        };
        await exam.SubmitButton.TapAsync();
        await Expect(s.Page).ToHaveURLAsync(new Uri(app.BaseUrl, $"/exams/attempts/{attemptId}").ToString());
        Assert.NotNull(confirm);
        Assert.Contains($"还有 {19 - answered} 题未作答。", confirm, StringComparison.Ordinal);
        Assert.Contains("确定交卷吗？", confirm, StringComparison.Ordinal);

        // Every answer given is right and worth 5 of 95 points; the pass mark is 60%.
        await Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = OpenExam, Level = 1 })).ToBeVisibleAsync();
        await Expect(s.Page.GetByText(Score())).ToHaveTextAsync(Score());
        Assert.Equal($"{answered * 5} / 95", Normalize(await s.Page.GetByText(Score()).InnerTextAsync()));
        await Expect(s.Page.GetByText("通过", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(s.Page.GetByText("及格线 60%")).ToBeVisibleAsync();
        await Expect(s.Page.GetByText("考试结束后可查看答题详情。", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Null(await exam.LocalCopyAsync());
        await PhoneFit.AssertFitsThePhoneAsync(s.Page, "The result page");
        await s.ScreenshotAsync("exam-phone-390x844-result");

        var submitted = await ServerAttempt.GetAsync(s.Page.APIRequest, app.BaseUrl, attemptId);
        Assert.Equal("Submitted", submitted.Status);

        // The exam page of a submitted attempt leads to its result.
        await s.Page.GotoAsync(takeUrl);
        await Expect(s.Page).ToHaveURLAsync(new Uri(app.BaseUrl, $"/exams/attempts/{attemptId}").ToString());
    }

    [Fact]
    public async Task A_trainer_reads_the_paper_analysis_of_last_months_exam()
    {
        await using var s = await app.OpenAsync("Exam.trainer-analysis", width: 1280, height: 800);
        var page = s.Page;
        await s.LogInAsync("trainer");
        await s.MainNav().GetByRole(AriaRole.Link, new() { Name = "考试", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "全部考试", Level = 2 })).ToBeVisibleAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(ClosedExam) + "( |$)") }) }); // the title, then its window badge
        await Expect(row).ToHaveCountAsync(1);
        var headers = (await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Columnheader).AllInnerTextsAsync()).Select(h => h.Trim()).ToList();
        var submitted = int.Parse((await row.GetByRole(AriaRole.Cell).Nth(headers.IndexOf("已交卷")).InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(submitted > 5, $"Only {submitted} demo attempts at {ClosedExam}.");
        await row.GetByRole(AriaRole.Link, new() { Name = "试卷分析", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(AnalysisPath());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"试卷分析：{ClosedExam}");

        // What the floor does not know: the knowledge areas of the paper, weakest first.
        var areasCard = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "薄弱知识点", Level = 2 }) });
        var areasTable = areasCard.GetByRole(AriaRole.Table);
        Assert.Equal(["知识点", "平均得分率", "试题"], (await areasTable.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync()).Select(h => h.Trim()));
        var areaRows = new List<(string Area, double Mean, int Questions)>();
        foreach (var r in await areasTable.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) }).AllAsync())
        {
            var cells = (await r.GetByRole(AriaRole.Cell).AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
            Assert.Matches(Percent(), cells[1]);
            areaRows.Add((cells[0], ParsePercent(cells[1]), int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(
            new[] { "产品知识", "医学与疾病知识", "流程与规范", "标准话术", "呼叫系统", "有效沟通", "品质意识" }.Order(StringComparer.Ordinal),
            areaRows.Select(a => a.Area).Order(StringComparer.Ordinal));
        Assert.Equal(4, areaRows.Single(a => a.Area == "医学与疾病知识").Questions);
        Assert.Equal(19, areaRows.Sum(a => a.Questions));
        Assert.Equal(areaRows.Select(a => a.Mean).Order(), areaRows.Select(a => a.Mean));
        Assert.All(areaRows, a => Assert.InRange(a.Mean, 0, 100));

        // Per question: answers, facility, discrimination, how often each option was chosen.
        var questionsCard = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "试题", Exact = true, Level = 2 }) });
        await Expect(questionsCard.GetByText("难度系数：该题平均得分占满分的比例。")).ToBeVisibleAsync();
        var table = questionsCard.GetByRole(AriaRole.Table);
        var columns = (await table.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync()).Select(h => h.Trim()).ToList();
        Assert.Equal(["试题", "知识点", "作答人数", "难度系数（得分率）", "区分度", "选项分布", "提示"], columns);
        var rows = table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });
        await Expect(rows).ToHaveCountAsync(19);

        async Task<List<string>> CellsOf(string question)
        {
            var match = rows.Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = question, Exact = true }) });
            await Expect(match).ToHaveCountAsync(1);
            return (await match.GetByRole(AriaRole.Cell).AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        }

        var diabetes = await CellsOf("以下哪些属于糖尿病的典型症状？（多选）");
        Assert.Equal("医学与疾病知识", diabetes[1]);
        Assert.Equal(submitted.ToString(System.Globalization.CultureInfo.InvariantCulture), diabetes[2]);
        Assert.Matches(Percent(), diabetes[3]);
        Assert.Matches(Percent(), diabetes[4]);
        var diabetesOptions = OptionCounts(diabetes[5]);
        Assert.Equal(new[] { "多饮", "多尿", "体重下降", "嗜睡" }.Order(StringComparer.Ordinal), diabetesOptions.Keys.Order(StringComparer.Ordinal));
        Assert.True(diabetesOptions["嗜睡"] > 0, "Nobody chose 嗜睡, which the written analysis says many did.");

        // On a single-answer question every attempt chose exactly one option.
        var single = await CellsOf("高血压患者的家庭血压一般控制目标是低于？");
        Assert.Equal(submitted, OptionCounts(single[5]).Values.Sum());
        var trueFalse = await CellsOf("外呼时无需告知客户通话可能被录音。");
        var tf = OptionCounts(trueFalse[5]);
        Assert.Equal(new[] { "正确", "错误" }.Order(StringComparer.Ordinal), tf.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(submitted, tf.Values.Sum());
        Assert.Matches(Percent(), trueFalse[3]);
        Assert.Matches(Percent(), trueFalse[4]);

        // The right options are marked.
        await Expect(table.Locator(".right-option").Filter(new() { HasText = "135/85 mmHg" })).ToHaveCountAsync(1);

        // The trainer's written analysis, filed by 刘洋 the day after the exam closed; the trainer may edit it.
        var analysis = page.GetByLabel("培训主管的分析点评（随考试存档）");
        await Expect(analysis).ToHaveValueAsync(new Regex("^本次考试平均得分率 [0-9.]+%。.+得分最低（平均得分率 [0-9.]+%）.*专项讲解"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@"^刘洋 · "))).ToBeVisibleAsync();

        await s.ScreenshotAsync("exam-analysis-trainer-1280x800");
        await s.ScreenshotAsync("exam-analysis-trainer-1280x800-viewport", fullPage: false);
    }

    private static Dictionary<string, int> OptionCounts(string cell) =>
        cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => OptionCount().Match(line))
            .Select(m => m.Success ? m : throw new Xunit.Sdk.XunitException($"\"{cell}\" is not a list of option counts."))
            .ToDictionary(m => m.Groups["option"].Value, m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static double ParsePercent(string text) =>
        double.Parse(text.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);

    private static string Normalize(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^\d+(\.\d+)? / 95$")]
    private static partial Regex Score();

    [GeneratedRegex(@"^-?\d+(\.\d+)?%$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^(?<option>.+): (?<n>\d+)$")]
    private static partial Regex OptionCount();

    [GeneratedRegex(@"/exams/\d+/analysis$")]
    private static partial Regex AnalysisPath();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
