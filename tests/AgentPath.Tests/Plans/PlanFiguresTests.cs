using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Plans;
using AgentPath.Web.Infrastructure.Localization;

namespace AgentPath.Tests.Plans;

/// <summary>The pure figures of the plans: version comparison, the 70/30 split, survey aggregation, the effect follow-up, the review checklist order.</summary>
public class PlanFiguresTests
{
    private static ItemSnapshot Item(int key, string title, decimal hours = 2, int headcount = 20, int owner = 1, int order = 0, int? team = null, string? teamName = null) =>
        new(key, order == 0 ? key : order, title, team, teamName, null, new DateOnly(2026, 11, 10), new TimeOnly(14, 0), headcount, TrainingMethod.Lecture, hours, owner, "刘洋",
            PlanCategory.Business, null, []);

    [Fact]
    public void The_comparison_lists_added_removed_and_changed_items_with_the_changed_columns()
    {
        List<ItemSnapshot> v1 = [Item(1, "新品知识"), Item(2, "回访话术"), Item(3, "情绪管理")];
        List<ItemSnapshot> v2 =
        [
            Item(1, "新品知识", hours: 3, owner: 2) with { OwnerName = "张敏" },
            Item(3, "情绪管理与压力疏导", team: 11, teamName: "咨询一组"),
            Item(4, "退货登记新规"),
        ];
        var changes = PlanComparison.Compare(v1, v2);
        Assert.Equal(4, changes.Count);
        var changed = changes.Single(c => c.Key == 1);
        Assert.Equal(ChangeKind.Changed, changed.Kind);
        Assert.Equal([PlanField.Hours, PlanField.Owner], changed.Fields);
        var renamed = changes.Single(c => c.Key == 3);
        Assert.Equal(ChangeKind.Changed, renamed.Kind);
        Assert.Equal([PlanField.Title, PlanField.Audience], renamed.Fields);
        Assert.Equal(ChangeKind.Removed, changes.Single(c => c.Key == 2).Kind);
        Assert.Equal(ChangeKind.Added, changes.Single(c => c.Key == 4).Kind);
        Assert.Equal("退货登记新规", changes.Single(c => c.Key == 4).Title);
    }

    [Fact]
    public void A_new_order_alone_is_no_change_and_equal_versions_compare_empty()
    {
        List<ItemSnapshot> v1 = [Item(1, "甲"), Item(2, "乙")];
        List<ItemSnapshot> v2 = [Item(2, "乙", order: 1), Item(1, "甲", order: 2)];
        Assert.Empty(PlanComparison.Compare(v1, v2));
        Assert.Empty(PlanComparison.Compare(v1, v1));
    }

    [Fact]
    public void Snapshots_survive_their_json_form()
    {
        var s = Item(5, "新品“益生菌”知识") with { NeedIds = [3, 9], QaDimension = "服务用语", Stage = Stage.Probation };
        var back = ItemSnapshot.Deserialize(ItemSnapshot.Serialize([s]));
        Assert.Empty(PlanComparison.Compare([s], back));
        Assert.Equal("服务用语", back[0].QaDimension);
        Assert.Contains("\"Probation\"", ItemSnapshot.Serialize([s]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_70_30_split_counts_hours_per_person()
    {
        // 2 h for 40 people and 1 h for 20 people of business against 1.5 h for 20 people of general skills:
        // business 80 + 20 = 100 person-hours, general 30: 76.9 % business.
        var mix = PlanMix.Of([(PlanCategory.Business, 2m, 40), (PlanCategory.Business, 1m, 20), (PlanCategory.GeneralSkills, 1.5m, 20)]);
        Assert.Equal(100m, mix.BusinessHours);
        Assert.Equal(30m, mix.GeneralHours);
        Assert.Equal(76.9m, mix.BusinessPercent);
        Assert.Equal(23.1m, mix.GeneralPercent);
        Assert.False(mix.OffTarget);

        var heavy = PlanMix.Of([(PlanCategory.Business, 2m, 45), (PlanCategory.GeneralSkills, 1m, 10)]);
        Assert.Equal(90m, heavy.BusinessPercent);
        Assert.True(heavy.OffTarget);

        var exact = PlanMix.Of([(PlanCategory.Business, 7m, 1), (PlanCategory.GeneralSkills, 3m, 1)]);
        Assert.Equal(70m, exact.BusinessPercent);
        Assert.False(exact.OffTarget);

        var none = PlanMix.Of([]);
        Assert.Null(none.BusinessPercent);
        Assert.False(none.OffTarget);
    }

    private static SurveyItem SurveyItemOf(int id, int order, SkillArea? category, string? text, SurveyItemKind kind)
    {
        var item = (SurveyItem)Activator.CreateInstance(typeof(SurveyItem), true)!;
        typeof(SurveyItem).GetProperty("Id")!.SetValue(item, id);
        typeof(SurveyItem).GetProperty("Order")!.SetValue(item, order);
        typeof(SurveyItem).GetProperty("Category")!.SetValue(item, category);
        typeof(SurveyItem).GetProperty("Text")!.SetValue(item, text);
        typeof(SurveyItem).GetProperty("Kind")!.SetValue(item, kind);
        return item;
    }

    [Fact]
    public void Survey_answers_aggregate_per_category_and_team()
    {
        var items = new[]
        {
            SurveyItemOf(1, 1, SkillArea.EmotionManagement, null, SurveyItemKind.Rating),
            SurveyItemOf(2, 2, SkillArea.OfficeAndWriting, null, SurveyItemKind.Rating),
            SurveyItemOf(3, 3, null, "最想学什么？", SurveyItemKind.Text),
        };
        var answers = new List<SurveyAggregation.Answer>
        {
            new(1, 10, 5, null), new(1, 10, 4, null), new(1, 10, 3, null), new(1, 20, 5, null),
            new(2, 10, 1, null), new(2, 20, 2, null),
            new(3, 10, null, "投诉安抚"), new(3, 20, null, "  "), new(3, 20, null, "Excel 报表"), new(3, 10, null, " Excel 报表"),
        };
        var figures = SurveyAggregation.Aggregate(items, answers);
        var emotion = figures.Single(f => f.ItemId == 1);
        Assert.Equal(4, emotion.Answers);
        Assert.Equal(4.25m, emotion.Mean);
        Assert.Equal(3, emotion.NeedIt);
        Assert.Equal(75m, emotion.NeedShare);
        Assert.Equal([(int?)20, 10], emotion.Teams.Select(t => t.TeamId));
        Assert.Equal(4m, emotion.Teams.Single(t => t.TeamId == 10).Mean);
        Assert.Equal(2, emotion.Teams.Single(t => t.TeamId == 10).NeedIt);

        var office = figures.Single(f => f.ItemId == 2);
        Assert.Equal(1.5m, office.Mean);
        Assert.Equal(0m, office.NeedShare);

        Assert.Equal(["Excel 报表 ×2", "投诉安抚"], figures.Single(f => f.ItemId == 3).Texts);
        Assert.Equal(3, figures.Single(f => f.ItemId == 3).Answers);
        Assert.Equal([1, 2], SurveyAggregation.Ranked(figures).Select(f => f.ItemId));
    }

    [Fact]
    public void A_survey_item_without_answers_has_no_mean()
    {
        var figures = SurveyAggregation.Aggregate([SurveyItemOf(1, 1, SkillArea.Teamwork, null, SurveyItemKind.Rating)], []);
        Assert.Null(figures[0].Mean);
        Assert.Null(figures[0].NeedShare);
        Assert.Empty(SurveyAggregation.Ranked(figures));
    }

    [Fact]
    public void The_effect_follow_up_pairs_each_persons_scores_before_and_after()
    {
        var before = new Dictionary<int, decimal?> { [1] = 60, [2] = 70, [3] = 80, [4] = null };
        var after = new Dictionary<int, decimal?> { [1] = 80, [2] = 75, [4] = 90, [5] = 100 };
        var (paired, b, a) = TrainingEvaluation.Paired(before, after);
        Assert.Equal(2, paired);
        Assert.Equal(65m, b);
        Assert.Equal(77.5m, a);
        Assert.Equal((0, (decimal?)null, (decimal?)null), TrainingEvaluation.Paired(before, new Dictionary<int, decimal?>()));
    }

    [Fact]
    public void The_review_checklist_is_done_in_order()
    {
        var site = new Site("广州职场");
        var dept = new Department(site, "咨询热线部");
        var review = new MonthlyReview("11月业务汇总培训", "2026-11", dept, null, new Dictionary<ReviewStep, (int?, DateOnly?)>(), "刘洋", DateTimeOffset.UnixEpoch);
        var agent = new Employee("GZ9", "马晓东", new DateOnly(2025, 1, 1), dept, null, Stage.Regular);
        var e = Assert.Throws<AgentPath.Web.Data.DomainException>(() => review.SetContent(ReviewContent.NewBusiness, null, "刘洋", DateTimeOffset.UnixEpoch));
        Assert.Equal("Steps are done in order; finish the current step first.", e.Message);
        var start = new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(8));
        Assert.Throws<AgentPath.Web.Data.DomainException>(() => review.SetTime(start.AddMonths(1), start.AddMonths(1).AddHours(2), "培训室", "刘洋", start));
        review.SetTime(start, start.AddHours(2), "三楼培训室", "刘洋", start.AddDays(-20));
        review.ChooseInstructor(agent, [], "刘洋", start.AddDays(-18));
        Assert.Throws<AgentPath.Web.Data.DomainException>(() => review.SetContent(ReviewContent.None, null, "刘洋", start));
        review.SetContent(ReviewContent.NewBusiness | ReviewContent.ProblemHandling, "新品", "刘洋", start.AddDays(-15));
        Assert.Throws<AgentPath.Web.Data.DomainException>(() => review.AttachCourseware(null, null, " ", "刘洋", start));
        review.AttachCourseware(null, null, "共享盘/月度汇总", "马晓东", start.AddDays(-5));
        Assert.Throws<AgentPath.Web.Data.DomainException>(() => review.Deliver(start.AddHours(-1), "刘洋"));
        review.Deliver(start.AddHours(2), "刘洋");
        review.LinkExam(7, "刘洋", start.AddDays(1));
        Assert.Throws<AgentPath.Web.Data.DomainException>(() => review.CompleteAnalysis(false, "刘洋", start.AddDays(3)));
        review.CompleteAnalysis(true, "刘洋", start.AddDays(3));
        Assert.Equal(ReviewStep.Done, review.Current);
        Assert.All(review.Tasks, t => Assert.NotNull(t.DoneAt));
        Assert.Throws<AgentPath.Web.Data.DomainException>(() => review.LinkExam(8, "刘洋", start));
    }

    [Fact]
    public void Drafts_spread_over_the_months_working_days()
    {
        var days = PlanGenerator.WorkingDays(new DateOnly(2026, 11, 1));
        Assert.Equal(21, days.Count);
        Assert.DoesNotContain(days, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        var spread = Enumerable.Range(0, 4).Select(i => PlanGenerator.Spread(days, i, 4)).ToList();
        Assert.Equal(spread.OrderBy(d => d), spread);
        Assert.Equal(4, spread.Distinct().Count());
    }

    private static string Resources()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentPath.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "src", "AgentPath.Web", "Resources");
    }

    [Fact]
    public void Every_plans_code_and_data_text_has_its_chinese_and_every_code_its_english()
    {
        var zh = JsonStringLocalizerFactory.LoadAll(Resources(), "zh-CN");
        var en = JsonStringLocalizerFactory.LoadAll(Resources(), "en");
        var missingZh = PlanText.AllKeys().Where(k => !zh.ContainsKey(k)).ToList();
        var missingEn = PlanText.CodeKeys().Where(k => !en.ContainsKey(k)).ToList();
        Assert.True(missingZh.Count == 0, "Missing Chinese: " + string.Join(", ", missingZh));
        Assert.True(missingEn.Count == 0, "Missing English: " + string.Join(", ", missingEn));

        // The plan's table speaks the seed's words.
        Assert.Equal(["序号", "培训项目", "对象", "时间", "人数", "方式", "课时", "责任人", "实施进度"], PlanExport.ColumnKeys.Take(9).Select(k => zh[k]));
    }

    [Fact]
    public void Every_message_the_plans_pass_as_a_problem_has_its_chinese()
    {
        var zh = JsonStringLocalizerFactory.LoadAll(Resources(), "zh-CN");
        var source = Path.Combine(Path.GetDirectoryName(Resources())!, "Features", "Plans");
        var pattern = new System.Text.RegularExpressions.Regex(
            """"\(\s*"[A-Za-z.\[\]]+",\s*"((?:[^"\\]|\\.)*)",\s*(?:\[|new)|Invalid\("[^"]+",\s*"((?:[^"\\]|\\.)*)"\)|return \(null, "((?:[^"\\]|\\.)*)"\)|Refused\(plan, "((?:[^"\\]|\\.)*)"\)|\? "([A-Z](?:[^"\\]|\\.)*\.)" : "([A-Z](?:[^"\\]|\\.)*\.)"""" + "\"");
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            foreach (System.Text.RegularExpressions.Match m in pattern.Matches(File.ReadAllText(file)))
            {
                foreach (var g in m.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Where(g => g.Success))
                {
                    var key = System.Text.RegularExpressions.Regex.Unescape(g.Value);
                    if (!zh.ContainsKey(key))
                    {
                        missing.Add(key);
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "Missing Chinese: " + string.Join(" | ", missing));
    }
}
