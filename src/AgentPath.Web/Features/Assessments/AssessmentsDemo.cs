using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AgentPath.Web.Features.Assessments;

/// <summary>
/// The question bank's knowledge areas and the default points rules (reference data), and, for the
/// demo, a bank of real-looking questions, last month's business exam with graded attempts (so the
/// paper analysis has data) and this month's exam, open now for the demo agent's team.
/// </summary>
public static class AssessmentsDemo
{
    public static readonly (string Zh, string En)[] Areas =
    [
        ("产品知识", "Products"), ("医学与疾病知识", "Medical and disease knowledge"), ("流程与规范", "Process and rules"),
        ("标准话术", "Standard scripts"), ("呼叫系统", "Call system"), ("有效沟通", "Effective communication"),
        ("工作技巧", "Work technique"), ("计划管理", "Planning"), ("问题解决", "Problem solving"), ("品质意识", "Quality awareness"),
        ("团队合作", "Teamwork"), ("情绪管理", "Emotion management"), ("办公软件与公文写作", "Office software and writing"),
    ];

    public static async Task EnsureReferenceDataAsync(AppDbContext db)
    {
        var have = await db.KnowledgeAreas.Select(a => a.Name).ToListAsync();
        foreach (var (zh, en) in Areas.Where(a => !have.Contains(a.Zh)))
        {
            db.KnowledgeAreas.Add(new KnowledgeArea(zh, en));
        }

        if (!await db.PointsRules.AnyAsync())
        {
            // SPEC R5.3: bonus points for top scores, deductions for poor ones; editable per exam kind.
            db.PointsRules.AddRange(
                new PointsRule(ExamKind.MonthlyBusiness, 95, 100, 2),
                new PointsRule(ExamKind.MonthlyBusiness, 90, 95, 1),
                new PointsRule(ExamKind.MonthlyBusiness, 0, 60, -2));
        }

        await db.SaveChangesAsync();
    }

    private static QuestionDraft Single(string text, string right, params string[] wrong) => new()
    {
        Name = text.Length > 30 ? text[..30] : text,
        Type = QuestionType.Single,
        Text = text,
        Options = [new OptionDraft(right, 1), .. wrong.Select(w => new OptionDraft(w, 0))],
    };

    private static readonly (string Area, int Difficulty, QuestionDraft Q)[] Bank =
    [
        ("产品知识", 2, Single("本月新品“益生菌固体饮料”的建议食用方法是？", "每日1~2袋，温水冲服", "每日5袋，开水冲服", "空腹干吞", "与抗生素同时服用")),
        ("产品知识", 3, Single("客户询问产品是否能替代药物治疗，正确的回答是？", "本品为食品，不能替代药物，请遵医嘱", "可以替代，效果更好", "先停药试用一个月", "不清楚，您自己决定")),
        ("产品知识", 1, new QuestionDraft { Name = "产品保质期", Type = QuestionType.FillIn, Text = "“钙维D软胶囊”的保质期为___个月（填数字）。", AcceptedAnswers = ["24", "２４"] }),
        ("产品知识", 2, new QuestionDraft { Name = "赠品政策", Type = QuestionType.TrueFalse, Text = "本月活动期间，购买两盒即赠送一盒同款产品。", TrueFalseAnswer = true }),
        ("医学与疾病知识", 3, Single("高血压患者的家庭血压一般控制目标是低于？", "135/85 mmHg", "160/100 mmHg", "120/60 mmHg", "180/110 mmHg")),
        ("医学与疾病知识", 4, new QuestionDraft
        {
            Name = "糖尿病典型症状", Type = QuestionType.Multiple, Text = "以下哪些属于糖尿病的典型症状？（多选）",
            Options = [new("多饮", 1m / 3), new("多尿", 1m / 3), new("体重下降", 1m / 3), new("嗜睡", -0.5m)],
        }),
        ("医学与疾病知识", 2, new QuestionDraft { Name = "骨质疏松人群", Type = QuestionType.TrueFalse, Text = "绝经后女性是骨质疏松的高发人群。", TrueFalseAnswer = true }),
        ("医学与疾病知识", 5, Single("客户说服用本品后出现皮疹，首先应该？", "建议立即停用并就医，登记不良反应", "告诉客户是排毒反应继续服用", "建议加大剂量", "挂断电话")),
        ("流程与规范", 2, Single("回访电话接通后，第一句应当是？", "问候并报出公司和工号", "直接推荐新品", "询问客户收入", "确认客户地址")),
        ("流程与规范", 3, new QuestionDraft
        {
            Name = "退货流程", Type = QuestionType.Multiple, Text = "受理退货时必须登记的信息有：（多选）",
            Options = [new("订单号", 0.5m), new("退货原因", 0.5m), new("客户身份证号", -0.5m), new("客户星座", -0.5m)],
        }),
        ("流程与规范", 1, new QuestionDraft { Name = "投诉升级时限", Type = QuestionType.FillIn, Text = "客户投诉未能当场解决的，须在___小时内升级给组长。", AcceptedAnswers = ["2", "二", "两"] }),
        ("流程与规范", 3, new QuestionDraft { Name = "录音告知", Type = QuestionType.TrueFalse, Text = "外呼时无需告知客户通话可能被录音。", TrueFalseAnswer = false }),
        ("标准话术", 2, Single("客户表示“太贵了”，标准话术的第一步是？", "认同客户感受，再说明产品价值", "立即降价", "说别人都买了", "结束通话")),
        ("标准话术", 3, Single("客户情绪激动时，以下哪句最合适？", "非常理解您的心情，我马上帮您核实处理", "您别激动，这不是我的问题", "请您冷静一点再打来", "公司规定就是这样")),
        ("标准话术", 4, new QuestionDraft { Name = "结束语", Type = QuestionType.FillIn, Text = "标准结束语：“感谢您的来电，祝您___！”", AcceptedAnswers = ["生活愉快", "身体健康"] }),
        ("呼叫系统", 2, Single("A3系统中，客户回访记录应保存在哪个模块？", "客户档案—回访记录", "系统设置", "报表中心", "个人收藏")),
        ("呼叫系统", 3, new QuestionDraft { Name = "小休状态", Type = QuestionType.TrueFalse, Text = "离开座位时应将A3系统状态置为“小休”。", TrueFalseAnswer = true }),
        ("有效沟通", 3, Single("“开放式提问”的例子是？", "您平时是怎么安排服药时间的？", "您吃过早饭了吗？", "您是张先生吗？", "您要不要买？")),
        ("情绪管理", 2, new QuestionDraft { Name = "压力疏导", Type = QuestionType.Short, Text = "遇到连续的投诉电话后，你会如何调整自己的状态？请简述。", Rubric = "提到短暂休息/深呼吸、与组长沟通、复盘而非自责，任意两点得满分。", DefaultPoints = 5 }),
        ("品质意识", 3, Single("质检七个维度不包括以下哪一项？", "通话时长越短越好", "业务技能", "服务态度", "语音语调")),
    ];

    public static async Task SeedDemoAsync(AppDbContext db, IMemoryCache cache, TimeProvider time, WriteGate gate, AnswerWriter writer, ExamStatsJob statsJob)
    {
        if (await db.Questions.AnyAsync())
        {
            return;
        }

        var now = time.GetUtcNow();
        var areas = await db.KnowledgeAreas.ToDictionaryAsync(a => a.Name);
        var questions = Bank.Select(b => Question.Create(b.Q with { Difficulty = b.Difficulty, Category = b.Area }, areas[b.Area], now.AddDays(-60))).ToList();
        db.Questions.AddRange(questions);
        await db.SaveChangesAsync();

        var objective = questions.Where(q => q.Type != QuestionType.Short).ToList();
        Paper MakePaper(string title)
        {
            var p = new Paper(title, PaperMode.Fixed, 30, 60, shuffleQuestions: true, shuffleOptions: true, ReviewTime.AfterClose);
            foreach (var q in objective)
            {
                p.AddQuestion(q, 5);
            }

            db.Papers.Add(p);
            return p;
        }

        // Titles follow the center's today: seeded in December, 12月业务考试 is open and 11月业务考试 is last month's.
        var today = DemoCalendar.Today(time);
        var octoberPaper = MakePaper(DemoCalendar.PaperOf(DemoCalendar.LastMonthsExam(today)));
        var novemberPaper = MakePaper(DemoCalendar.PaperOf(DemoCalendar.ThisMonthsExam(today)));
        var monthStart = CenterClock.StartOf(new DateOnly(today.Year, today.Month, 1));
        var october = new Exam(DemoCalendar.LastMonthsExam(today), octoberPaper, ExamKind.MonthlyBusiness, monthStart.AddMonths(-1).AddDays(24).AddHours(9),
            monthStart.AddMonths(-1).AddDays(27).AddHours(18), attemptsAllowed: 1, countsForPoints: true);
        var november = new Exam(DemoCalendar.ThisMonthsExam(today), novemberPaper, ExamKind.MonthlyBusiness, now.AddDays(-1), now.AddDays(3), attemptsAllowed: 1, countsForPoints: true);
        var floor = await db.Employees.Where(e => e.TeamId != null && (e.Stage == Stage.Regular || e.Stage == Stage.Probation)).ToListAsync();
        foreach (var team in floor.Select(e => e.TeamId!.Value).Distinct())
        {
            october.AddAudience(AudienceKind.Team, team, null);
            november.AddAudience(AudienceKind.Team, team, null);
        }

        db.Exams.AddRange(october, november);
        await db.SaveChangesAsync();

        // Last month's attempts: each agent answers with a skill of their own, harder questions less often right.
        var rng = new Random(202610);
        var clock = new DemoClock(october.OpensAt.AddHours(1));
        var engine = new ExamEngine(db, clock, cache, new SystemActor("trainer"), gate, writer, statsJob);
        foreach (var person in floor.Where(e => e.HireDate < DateOnly.FromDateTime(october.OpensAt.UtcDateTime)))
        {
            clock.Now = october.OpensAt.AddMinutes(rng.Next(0, 60 * 48));
            var (attempt, _, _) = await engine.StartAsync(october.Id, person);
            if (attempt is null)
            {
                continue;
            }

            var skill = 0.55 + (rng.NextDouble() * 0.45);
            await db.Entry(attempt).Collection(a => a.Items).Query().Include(i => i.Question).LoadAsync();
            foreach (var item in attempt.Items)
            {
                var right = rng.NextDouble() < skill - ((item.Question.Difficulty - 3) * 0.08);
                item.RecordAnswer(DemoAnswer(item.Question, right, rng), 1, clock.Now.AddMinutes(item.Order));
            }

            await db.SaveChangesAsync();
            clock.Now = clock.Now.AddMinutes(25);
            await engine.SubmitAsync(attempt.Id, person.Id, atDeadline: false);
            db.ChangeTracker.Clear();
        }

        while (await engine.FoldPendingStatsAsync(ExamStatsJob.BatchSize) > 0)
        {
        }

        // The trainer's written analysis quotes what the figures say.
        var stats = await db.ExamQuestionStats.Where(s => s.ExamId == october.Id && s.N > 0).ToListAsync();
        var byQuestion = await db.Questions.Include(q => q.Area).Where(q => stats.Select(s => s.QuestionId).Contains(q.Id)).ToDictionaryAsync(q => q.Id);
        var facility = stats.Select(s => (Q: byQuestion[s.QuestionId], F: ItemStatistics.Facility(s.N, s.SumX, s.MaxPoints)!.Value)).ToList();
        var weakestArea = facility.GroupBy(x => x.Q.Area.Name).Select(g => (Area: g.Key, F: g.Average(x => x.F))).MinBy(x => x.F);
        var weakest = facility.MinBy(x => x.F);
        var exam = await db.Exams.SingleAsync(e => e.Id == october.Id);
        exam.WriteAnalysis($"本次考试平均得分率 {facility.Average(x => x.F):0.0}%。{weakestArea.Area}得分最低（平均得分率 {weakestArea.F:0.0}%），" +
            $"其中“{weakest.Q.Text}”得分率仅 {weakest.F:0.0}%。下月业务培训将安排{weakestArea.Area}专项讲解，并在班前会随机提问跟进。",
            "刘洋", october.ClosesAt.AddDays(1));
        await db.SaveChangesAsync();
    }

    private static string DemoAnswer(Question q, bool right, Random rng)
    {
        var options = q.Options;
        return q.Type switch
        {
            QuestionType.Single or QuestionType.TrueFalse => JsonSerializer.Serialize(right
                ? options.First(o => o.Fraction >= 1).Id
                : options.Where(o => o.Fraction < 1).ElementAt(rng.Next(options.Count(o => o.Fraction < 1))).Id),
            QuestionType.Multiple => JsonSerializer.Serialize(right
                ? options.Where(o => o.Fraction > 0).Select(o => o.Id).Order()
                : options.Where(_ => rng.NextDouble() < 0.5).Select(o => o.Id).Order()),
            QuestionType.FillIn => JsonSerializer.Serialize(right ? q.AcceptedAnswers[0] : "不记得了"),
            _ => JsonSerializer.Serialize(""),
        };
    }

    /// <summary>A clock the demo moves by hand, so last month's attempts carry last month's times.</summary>
    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
