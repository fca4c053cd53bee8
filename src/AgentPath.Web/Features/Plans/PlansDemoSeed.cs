using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Plans;

/// <summary>
/// Demo data for the plans: last month's issued plans (the inbound one with a revision approved by
/// the general manager, so it has two versions), their sessions with sign-ins and feedback, last
/// month's review training run through every step and linked to last month's business exam and its
/// analysis (an agent taught it and earned points), needs from a department report, a survey, the
/// exam analysis and QA, this month's draft generated from them, an open survey for next month with
/// answers, new-business training and homework. Deterministic; runs once, on the demo center.
/// </summary>
public static class PlansDemoSeed
{

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => CenterClock.FromCenter(day.ToDateTime(new TimeOnly(hour, minute)));

    public static async Task SeedDemoAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var time = sp.GetRequiredService<TimeProvider>();
        if (await db.TrainingPlans.AnyAsync() || !await db.Departments.AnyAsync())
        {
            return;
        }

        var rng = new Random(20261128);
        var now = time.GetUtcNow();
        var today = PlanMonth.Today(time);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var nextMonth = thisMonth.AddMonths(1);

        // First (it clears the change tracker): spot questions at the start of last month, so the effect
        // follow-up of last month's items has scores before the training; last month's business exam is after.
        await SpotQuestionsAsync(sp, db, At(lastMonth, 8, 30), rng);

        var inbound = await db.Departments.SingleAsync(d => d.Name == "咨询热线部");
        var outbound = await db.Departments.SingleAsync(d => d.Name == "回访销售部");
        var people = await db.Employees.Include(e => e.Team).Include(e => e.Posts).ToListAsync();
        // The demo's staff by name and post (other demo data may add people with the same name).
        Employee Named(string name, string post) => people.Where(e => e.Name == name && e.Posts.Any(p => p.Code == post)).OrderBy(e => e.Id).First();
        var gm = Named("王建国", "GM");
        var manager = Named("李红梅", "MANAGER");
        var hr = Named("陈静", "HR");
        var trainer = Named("刘洋", "TRAINER");
        var supervisor = Named("张敏", "SUPERVISOR");
        var outTrainer = Named("孙丽", "TRAINER");
        var outManager = Named("赵立新", "MANAGER");
        var agentId = await db.Users.Where(u => u.UserName == "agent").Select(u => u.EmployeeId).FirstOrDefaultAsync();
        var agent = people.FirstOrDefault(e => e.Id == agentId) ?? Named("马晓东", "AGENT");
        var teams = await db.Teams.OrderBy(t => t.Id).ToListAsync();
        var inTeams = teams.Where(t => t.DepartmentId == inbound.Id).ToList();
        var outTeams = teams.Where(t => t.DepartmentId == outbound.Id).ToList();
        var areas = await db.KnowledgeAreas.ToDictionaryAsync(a => a.Name, a => a.Id);
        bool Active(Employee e) => !e.Stage.IsTerminal();
        int Size(Department d, Team? t = null) => people.Count(e => Active(e) && e.DepartmentId == d.Id && (t is null || e.TeamId == t.Id));
        List<Employee> Floor(Team t) => people.Where(e => Active(e) && e.TeamId == t.Id && e.Stage != Stage.Induction).ToList();

        PlanItemSpec Item(string title, Team? team, DateOnly day, int hour, int headcount, TrainingMethod method, decimal hours, Employee owner, PlanCategory category, string? area = null, string? qa = null) =>
            new(null, title, team?.Id, null, day, new TimeOnly(hour, 0), headcount, method, hours, owner.Id, category, area is null ? null : areas[area], [], qa);

        // ---- Last month: the inbound plan, issued, then revised with the general manager's approval (versions 1 and 2).
        var last = PlanMonth.Of(lastMonth);
        var plan = new TrainingPlan(inbound, last, hr.Name, At(lastMonth, 9));
        var inSize = Size(inbound);
        var specs = new (PlanItemSpec Spec, Team? Team)[]
        {
            (Item("当月新品知识：钙维D软胶囊升级配方", null, lastMonth.AddDays(5), 14, inSize - 10, TrainingMethod.Lecture, 2, trainer, PlanCategory.Business, "产品知识"), null),
            (Item("高血压、糖尿病来电咨询应答要点", null, lastMonth.AddDays(9), 14, inSize - 12, TrainingMethod.Lecture, 2, trainer, PlanCategory.Business, "医学与疾病知识"), null),
            (Item("回访流程与标准话术复训", inTeams[1], lastMonth.AddDays(12), 10, Size(inbound, inTeams[1]) - 2, TrainingMethod.RolePlay, 1.5m, supervisor, PlanCategory.Business, "流程与规范", "服务用语"), inTeams[1]),
            (Item("A3系统新版回访模块操作", inTeams[2], lastMonth.AddDays(15), 10, Size(inbound, inTeams[2]) - 2, TrainingMethod.SideBySide, 1, supervisor, PlanCategory.Business, "呼叫系统"), inTeams[2]),
            (Item("每月汇总性业务培训（当月新增业务、变动通知、规范流程）", null, lastMonth.AddDays(21), 14, inSize - 8, TrainingMethod.Lecture, 2, trainer, PlanCategory.Business, "标准话术"), null),
            (Item("有效沟通：倾听与提问技巧", null, lastMonth.AddDays(16), 16, inSize - 12, TrainingMethod.Workshop, 1.5m, trainer, PlanCategory.GeneralSkills, "有效沟通"), null),
            (Item("情绪管理与压力疏导", null, lastMonth.AddDays(18), 16, inSize - 14, TrainingMethod.Workshop, 1.5m, trainer, PlanCategory.GeneralSkills, "情绪管理"), null),
        };
        foreach (var (spec, team) in specs)
        {
            plan.AddItem(spec, team, people.Single(e => e.Id == spec.OwnerEmployeeId), Size(inbound, team));
        }

        plan.Submit(hr.Name, At(lastMonth, 10));
        plan.Approve(manager.Name, At(lastMonth.AddDays(1), 15));
        plan.Issue(hr.Name, At(lastMonth.AddDays(1), 17));
        db.TrainingPlans.Add(plan);
        await db.SaveChangesAsync();

        // Revision 1: a new return rule from mid-month needs its own training; the role-play runs longer; emotion management moves.
        var revised = plan.Snapshot().Select(s => s.Title switch
        {
            "回访流程与标准话术复训" => s with { Hours = 2 },
            "情绪管理与压力疏导" => s with { Date = lastMonth.AddDays(23) },
            _ => s,
        }).Append(new ItemSnapshot(0, 99, "退货登记新规培训（订单号、退货原因必填）", null, null, null, lastMonth.AddDays(14), new TimeOnly(14, 0), inSize - 15,
            TrainingMethod.Lecture, 1, trainer.Id, trainer.Name, PlanCategory.Business, areas["流程与规范"], [])).ToList();
        plan.ProposeRevision("本月15日起执行退货登记新规，需临时增加培训；回访话术演练时间不足，延长至2课时；情绪管理课程因场地调整改至23日。",
            revised, manager.Name, At(lastMonth.AddDays(11), 11));
        await db.SaveChangesAsync();
        plan.ApproveRevision(1, teams.ToDictionary(t => t.Id), people.ToDictionary(e => e.Id), gm.Name, At(lastMonth.AddDays(12), 9));
        await db.SaveChangesAsync();

        // Sessions of last month's items, with sign-ins and feedback; all delivered.
        var review = plan.Items.Single(i => i.Title.StartsWith("每月汇总性业务培训", StringComparison.Ordinal));
        foreach (var item in plan.Items.OrderBy(i => i.Date))
        {
            plan.SetProgress(item, ItemProgress.Delivered);
            if (item == review)
            {
                continue; // the review training opens its own session below
            }

            var start = At(item.Date, item.StartTime!.Value.Hour);
            var sessions = await PlanDelivery.SessionsForAsync(db, item.Title, item.Category == PlanCategory.Business ? SessionKind.Business : SessionKind.GeneralSkills,
                start, start.AddMinutes((double)item.Hours * 60), "三楼培训室", item.OwnerEmployeeId, inbound.Id, item.TeamId, $"{inbound.Name} {last} 培训计划", default);
            db.PlanItemSessions.AddRange(sessions.Select(x => new PlanItemSession(item.Id, x)));
            await db.SaveChangesAsync();
            SignInTeams(db, sessions, people, item.Headcount, rng);
        }

        await db.SaveChangesAsync();

        // ---- Last month's outbound plan: issued, no revision.
        var outPlan = new TrainingPlan(outbound, last, hr.Name, At(lastMonth, 9, 30));
        var outSize = Size(outbound);
        outPlan.AddItem(Item("回访销售技巧：需求挖掘与异议处理", null, lastMonth.AddDays(8), 14, outSize - 10, TrainingMethod.RolePlay, 2, outTrainer, PlanCategory.Business, "工作技巧"), null, outTrainer, outSize);
        outPlan.AddItem(Item("回访话术与合规告知", outTeams[0], lastMonth.AddDays(13), 10, Size(outbound, outTeams[0]) - 2, TrainingMethod.Lecture, 1.5m, outTrainer, PlanCategory.Business, "流程与规范"), outTeams[0], outTrainer, Size(outbound, outTeams[0]));
        outPlan.AddItem(Item("时间管理与工作组织", null, lastMonth.AddDays(20), 16, outSize - 8, TrainingMethod.Workshop, 1.5m, outTrainer, PlanCategory.GeneralSkills, "计划管理"), null, outTrainer, outSize);
        outPlan.Submit(hr.Name, At(lastMonth, 11));
        outPlan.Approve(outManager.Name, At(lastMonth.AddDays(1), 16));
        outPlan.Issue(hr.Name, At(lastMonth.AddDays(1), 17, 30));
        foreach (var item in outPlan.Items)
        {
            outPlan.SetProgress(item, ItemProgress.Delivered);
        }

        db.TrainingPlans.Add(outPlan);
        await db.SaveChangesAsync();

        // ---- Last month's review training, every step done, with last month's business exam and its analysis.
        var lastExam = await db.Exams.Where(e => e.Kind == ExamKind.MonthlyBusiness && e.ClosesAt < now && e.Analysis != null).OrderByDescending(e => e.ClosesAt).FirstOrDefaultAsync();
        var tasks = ReviewSteps.Actionable.ToDictionary(s => s, s => ((int?)trainer.Id, (DateOnly?)lastMonth.AddDays(s switch
        {
            ReviewStep.Time => 2, ReviewStep.Instructor => 4, ReviewStep.Content => 9, ReviewStep.Courseware => 16, ReviewStep.Delivery => 21, ReviewStep.Exam => 24, _ => 28,
        })));
        tasks[ReviewStep.Delivery] = (agent.Id, lastMonth.AddDays(21));
        var r = new MonthlyReview(DemoCalendar.MonthlyReview(lastMonth), last, inbound, review.Id, tasks, trainer.Name, At(lastMonth, 10));
        db.MonthlyReviews.Add(r);
        r.SetTime(At(review.Date, 14), At(review.Date, 16), "三楼培训室", trainer.Name, At(lastMonth.AddDays(2), 10));
        var reviewSessions = await PlanDelivery.SessionsForAsync(db, r.Title, SessionKind.Business, r.StartsAt!.Value, r.EndsAt!.Value, r.Place!, agent.Id, inbound.Id, null,
            $"每月汇总性业务培训 {last}", default);
        db.PlanItemSessions.AddRange(reviewSessions.Select(x => new PlanItemSession(review.Id, x)));
        r.ChooseInstructor(agent, reviewSessions, trainer.Name, At(lastMonth.AddDays(4), 11));
        await db.SaveChangesAsync();
        r.SetContent(ReviewContent.NewBusiness | ReviewContent.ChangeNotices | ReviewContent.WorkRules | ReviewContent.ProblemHandling,
            "1. 钙维D软胶囊升级配方要点；2. 活动赠品政策变动；3. 退货登记新规；4. 情景演练：客户质疑疗效、要求退货。", trainer.Name, At(lastMonth.AddDays(9), 17));
        r.AttachCourseware(null, null, "课件《月度业务汇总》v2，已提交项目审核，按反馈修改后存于培训共享盘/月度汇总", agent.Name, At(lastMonth.AddDays(16), 18));
        r.Deliver(r.EndsAt!.Value, trainer.Name);
        SignInTeams(db, reviewSessions, people, review.Headcount, rng);
        db.PointsEntries.Add(new PointsEntry(agent.Id, last, 3, ReviewService.PointsSource, r.Id, $"授课：{r.Title}", r.EndsAt!.Value.AddHours(1), "trainer"));
        if (lastExam is not null)
        {
            r.LinkExam(lastExam.Id, trainer.Name, lastExam.OpensAt.AddHours(-2));
            r.CompleteAnalysis(true, trainer.Name, lastExam.AnalysisAt ?? lastExam.ClosesAt.AddDays(1));
        }

        await db.SaveChangesAsync();

        // Homework after the review: three standard answers to hand in; most handed in and graded.
        var homework = new Homework($"{DemoCalendar.Month(lastMonth)}业务汇总课后作业", "整理本月你接到最多的3个咨询问题，写出标准答复话术（每题不超过150字），可附录音要点。",
            HomeworkKind.HandIn, null, reviewSessions[0].Id, [], 10, At(lastMonth.AddDays(25), 18), At(review.Date, 16, 30), trainer.Name);
        db.Homework.Add(homework);
        await db.SaveChangesAsync();
        var firstSession = reviewSessions[0].Id;
        var attendees = await db.Attendances.Where(a => a.SessionId == firstSession && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late))
            .Select(a => a.EmployeeId).OrderBy(x => x).ToListAsync();
        foreach (var id in attendees.Where((_, k) => k % 5 != 4))
        {
            var sub = new HomeworkSubmission(homework, id, "1. 新品能否替代药物：本品为食品，不能替代药物，请遵医嘱……\n2. 赠品如何领取：……\n3. 退货需要什么信息：订单号和退货原因……",
                null, null, At(review.Date.AddDays(rng.Next(1, 4)), 20));
            db.HomeworkSubmissions.Add(sub);
            await db.SaveChangesAsync();
            if (rng.Next(10) < 8)
            {
                db.HomeworkGrades.Add(new HomeworkGrade(sub, rng.Next(6, 11), 10, rng.Next(3) == 0 ? "第2题话术可更简洁" : null, "trainer", At(lastMonth.AddDays(26), 10), null));
            }
        }

        await db.SaveChangesAsync();

        // ---- Needs for this month: the survey sent last month, a department report, the exam analysis, QA.
        var month = PlanMonth.Of(thisMonth);
        var survey = new NeedsSurvey($"{DemoCalendar.Month(thisMonth)}综合技能培训需求调查", "请根据自己的工作情况选择需要程度，结果用于制定下月培训计划。", month, lastMonth.AddDays(27), lastMonth.AddDays(19),
            inTeams.Select(t => t.Id), Enum.GetValues<SkillArea>(), [("你最希望学习的一项具体技能是什么？", SurveyItemKind.Text)], trainer.Name, At(lastMonth.AddDays(19), 10));
        db.NeedsSurveys.Add(survey);
        await db.SaveChangesAsync();
        await AnswerAsync(db, survey, inTeams.SelectMany(Floor).Where((_, k) => k % 4 != 3), lastMonth.AddDays(22), rng,
            [SkillArea.EmotionManagement, SkillArea.WorkTechnique, SkillArea.EffectiveCommunication]);

        var raisedAt = At(thisMonth, 9);
        TrainingNeed Need(string title, Team? team, int headcount, string details, string source, string? sourceRef, Employee by, PlanCategory category, SkillArea? skill, string? area)
        {
            var n = new TrainingNeed(title, thisMonth, team?.Name ?? inbound.Name, team?.Id, headcount, details, source, sourceRef, by.Name, raisedAt);
            db.TrainingNeeds.Add(n);
            db.NeedDetails.Add(new NeedDetail(n, inbound.Id, category, skill, area is null ? null : areas[area], null));
            return n;
        }

        var floorSize = inTeams.Sum(t => Floor(t).Count);
        Need("新品“益生菌固体饮料”上市：产品知识与标准话术", null, floorSize - 6, $"产品部{DemoCalendar.Month(thisMonth)}上市新品，需全员掌握食用方法、禁忌人群与常见问题话术。",
            NeedSources.Department, null, manager, PlanCategory.Business, null, "产品知识");
        Need("退货登记新规复训（订单号、退货原因必填）", inTeams[1], Size(inbound, inTeams[1]) - 3, "上月抽检发现退货登记缺项较多。",
            NeedSources.Department, null, supervisor, PlanCategory.Business, null, "流程与规范");
        var responses = await db.SurveyAnswers.Where(a => db.SurveyResponses.Any(x => x.Id == a.ResponseId && x.SurveyId == survey.Id)).ToListAsync();
        var surveyItems = await db.Set<SurveyItem>().Where(i => i.SurveyId == survey.Id).ToListAsync();
        foreach (var skill in new[] { SkillArea.EmotionManagement, SkillArea.WorkTechnique })
        {
            var item = surveyItems.Single(i => i.Category == skill);
            var rated = responses.Where(a => a.ItemId == item.Id && a.Rating is not null).ToList();
            var needIt = rated.Count(a => a.Rating >= SurveyAggregation.Needed);
            Need(skill == SkillArea.EmotionManagement ? "情绪管理能力（压力管理等）" : "工作技巧（营销技巧、投诉处理技巧等）", null, needIt,
                $"培训需求调查“{survey.Title}”：平均需要程度 {Math.Round((decimal)rated.Sum(a => a.Rating!.Value) / rated.Count, 2)}，{rated.Count} 人中 {needIt} 人选择 4 或 5。",
                NeedSources.Survey, $"Survey {survey.Id} item {item.Id}", trainer, PlanCategory.GeneralSkills, skill, SkillAreas.KnowledgeAreaName(skill));
        }

        if (lastExam is not null)
        {
            var rows = await AreaScores.LoadAsync(db, At(lastMonth, 0), At(thisMonth, 0), inbound.Id, null, null, default);
            var weakest = rows.Where(x => x.ExamId == lastExam.Id).GroupBy(x => x.AreaId).Select(g => (Area: g.Key, P: AreaScores.Percent(g) ?? 100, Rows: g.ToList())).OrderBy(g => g.P).First();
            var name = areas.First(a => a.Value == weakest.Area).Key;
            var below = weakest.Rows.GroupBy(x => x.EmployeeId).Count(p => AreaScores.Percent(p) < NeedSuggestions.PersonBelow);
            Need($"{name}：专项培训", null, Math.Max(1, below), $"{lastExam.Title}：本部门{name}平均得分率 {weakest.P}%（{below} 人低于 {NeedSuggestions.PersonBelow}%）。",
                NeedSources.ExamAnalysis, $"{last} area {weakest.Area}", trainer, PlanCategory.Business, null, name);
        }

        await db.SaveChangesAsync();

        // ---- This month's inbound draft, generated from the open needs.
        var draft = new TrainingPlan(inbound, month, hr.Name, At(thisMonth, 10));
        db.TrainingPlans.Add(draft);
        var open = await PlanNeeds.Query(db).Where(n => n.ForMonth == thisMonth && n.Status == TrainingNeedStatus.Open && n.DepartmentId == inbound.Id).ToListAsync();
        await PlanGenerator.AddFromNeedsAsync(db, draft, open.OrderBy(n => n.Category).ThenByDescending(n => n.Headcount).ThenBy(n => n.Id).ToList(), trainer, default);
        await db.SaveChangesAsync();

        // This month's review training, under way: time, instructor and content set; the courseware is next.
        var day28 = thisMonth.AddDays(27);
        var current = new MonthlyReview(DemoCalendar.MonthlyReview(thisMonth), month, inbound, null,
            ReviewSteps.Actionable.ToDictionary(s => s, s => ((int?)trainer.Id, (DateOnly?)thisMonth.AddDays(Math.Min(27, 2 + (int)s * 4)))), trainer.Name, At(thisMonth, 10, 30));
        db.MonthlyReviews.Add(current);
        current.SetTime(At(day28, 14), At(day28, 16), "三楼培训室", trainer.Name, At(thisMonth.AddDays(1), 10));
        var teacher = Floor(inTeams[1]).First(e => e.Stage == Stage.Regular);
        var currentSessions = await PlanDelivery.SessionsForAsync(db, current.Title, SessionKind.Business, current.StartsAt!.Value, current.EndsAt!.Value, current.Place!, teacher.Id,
            inbound.Id, null, $"每月汇总性业务培训 {month}", default);
        current.ChooseInstructor(teacher, currentSessions, trainer.Name, At(thisMonth.AddDays(2), 11));
        current.SetContent(ReviewContent.NewBusiness | ReviewContent.PerformanceRules | ReviewContent.ProblemHandling,
            "新品益生菌固体饮料；新绩效加扣分细则；投诉安抚情景演练。", trainer.Name, At(thisMonth.AddDays(3), 16));
        await db.SaveChangesAsync();

        // ---- Next month: an open survey with answers from most of the floor (the demo agent has not answered yet).
        var open2 = new NeedsSurvey($"{DemoCalendar.Month(nextMonth)}培训需求调查", "下月培训计划将根据本次调查结果编制，请如实选择。", PlanMonth.Of(nextMonth), today.AddDays(7), today,
            inTeams.Select(t => t.Id), Enum.GetValues<SkillArea>(), [("新品与业务知识：你最想先学哪一部分？", SurveyItemKind.Text), ("班前会随机提问式的复习，你需要吗？", SurveyItemKind.Rating)],
            trainer.Name, now.AddDays(-2));
        db.NeedsSurveys.Add(open2);
        await db.SaveChangesAsync();
        await AnswerAsync(db, open2, inTeams.SelectMany(Floor).Where((e, k) => e.Id != agent.Id && k % 3 != 2), today, rng,
            [SkillArea.QualityAwareness, SkillArea.ProblemSolving, SkillArea.EmotionManagement]);

        // ---- New-business training: a new product to sign for (most have signed, the demo agent not yet).
        var product = new NewBusinessTraining("新品上市：益生菌固体饮料", BusinessChange.NewProduct, "产品部",
            "一、产品：益生菌固体饮料，每盒20袋。\n二、食用方法：每日1~2袋，温水（不超过40℃）冲服。\n三、禁忌与提示：本品为食品，不能替代药物；服用抗生素需间隔2小时。\n四、常见问题标准话术：见课件第3页。",
            inTeams.Select(t => t.Id), today.AddDays(5), today, null, null, null, trainer.Name, now.AddDays(-3));
        db.NewBusinessTrainings.Add(product);
        foreach (var e in inTeams.SelectMany(Floor).Where((e, k) => e.Id != agent.Id && k % 5 != 1))
        {
            product.SignOff(e, now.AddDays(-2).AddMinutes(rng.Next(0, 2000)));
        }

        var a3 = new NewBusinessTraining("A3系统回访模块升级（节目回访字段调整）", BusinessChange.ProgramChange, "信息技术部",
            "回访记录新增“节目来源”必填字段；保存前系统校验客户电话格式。", outTeams.Select(t => t.Id), today.AddDays(3), today, null, null, null, outTrainer.Name, now.AddDays(-4));
        db.NewBusinessTrainings.Add(a3);
        foreach (var e in outTeams.SelectMany(Floor))
        {
            a3.SignOff(e, now.AddDays(-3).AddMinutes(rng.Next(0, 2000)));
        }

        // ---- A homework quiz from the bank for 咨询一组 this month (open now).
        var quizQuestions = await db.Questions.Where(q => q.IsCurrent && q.Type != QuestionType.Short && (q.Area.Name == "有效沟通" || q.Area.Name == "标准话术" || q.Area.Name == "品质意识")).ToListAsync();
        var paper = new Paper("课后小测：沟通与标准话术", PaperMode.Fixed, 10, 60, shuffleQuestions: true, shuffleOptions: true, ReviewTime.AfterSubmit);
        foreach (var q in quizQuestions)
        {
            paper.AddQuestion(q, 5);
        }

        db.Papers.Add(paper);
        var quiz = new Exam("课后小测：沟通与标准话术", paper, ExamKind.HomeworkQuiz, now.AddHours(-1), At(today.AddDays(5), 22), 3, countsForPoints: false);
        quiz.AddAudience(AudienceKind.Team, inTeams[0].Id, null);
        db.Exams.Add(quiz);
        await db.SaveChangesAsync();
        db.Homework.Add(new Homework("有效沟通课后小测", "完成题库中的5道题（有效沟通、标准话术、品质意识），可作答3次，取最高一次。", HomeworkKind.Quiz, quiz.Id, null,
            [inTeams[0].Id], 0, quiz.ClosesAt, now.AddHours(-1), trainer.Name));
        await db.SaveChangesAsync();
    }

    /// <summary>班前会随机提问 — the inbound floor answers the bank's questions at the start of last month, less well than after the month's training.</summary>
    private static async Task SpotQuestionsAsync(IServiceProvider sp, AppDbContext db, DateTimeOffset opens, Random rng)
    {
        var paper = await db.Papers.Include(p => p.Items).Where(p => p.Items.Count > 0).OrderBy(p => p.Id).FirstOrDefaultAsync();
        var teams = await db.Teams.Where(t => t.Department.Name == "咨询热线部").Select(t => t.Id).ToListAsync();
        if (paper is null || teams.Count == 0)
        {
            return;
        }

        var exam = new Exam("班前会随机提问（月初）", paper, ExamKind.SpotQuestions, opens, opens.AddDays(2), attemptsAllowed: 1, countsForPoints: false);
        teams.ForEach(t => exam.AddAudience(AudienceKind.Team, t, null));
        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        var floor = await db.Employees.AsNoTracking().Where(e => e.TeamId != null && teams.Contains(e.TeamId.Value) && (e.Stage == Stage.Regular || e.Stage == Stage.Probation)
            && e.HireDate < DateOnly.FromDateTime(opens.UtcDateTime)).OrderBy(e => e.Id).ToListAsync();
        var clock = new Clock(opens);
        var engine = new ExamEngine(db, clock, sp.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>(), new SystemActor("trainer"),
            sp.GetRequiredService<WriteGate>(), sp.GetRequiredService<AnswerWriter>(), sp.GetRequiredService<ExamStatsJob>());
        foreach (var person in floor)
        {
            clock.Now = opens.AddMinutes(rng.Next(0, 60 * 40));
            var (attempt, _, _) = await engine.StartAsync(exam.Id, person);
            if (attempt is null)
            {
                continue;
            }

            var skill = 0.3 + (rng.NextDouble() * 0.4);
            await db.Entry(attempt).Collection(a => a.Items).Query().Include(i => i.Question).LoadAsync();
            foreach (var item in attempt.Items)
            {
                item.RecordAnswer(Answer(item.Question, rng.NextDouble() < skill, rng), 1, clock.Now.AddMinutes(item.Order));
            }

            await db.SaveChangesAsync();
            clock.Now = clock.Now.AddMinutes(12);
            await engine.SubmitAsync(attempt.Id, person.Id, atDeadline: false);
            db.ChangeTracker.Clear();
        }

        while (await engine.FoldPendingStatsAsync(ExamStatsJob.BatchSize) > 0)
        {
        }

        db.ChangeTracker.Clear();
    }

    private static string Answer(Question q, bool right, Random rng)
    {
        var options = q.Options;
        return q.Type switch
        {
            QuestionType.Single or QuestionType.TrueFalse => System.Text.Json.JsonSerializer.Serialize(right
                ? options.First(o => o.Fraction >= 1).Id
                : options.Where(o => o.Fraction < 1).ElementAt(rng.Next(options.Count(o => o.Fraction < 1))).Id),
            QuestionType.Multiple => System.Text.Json.JsonSerializer.Serialize(right
                ? options.Where(o => o.Fraction > 0).Select(o => o.Id).Order()
                : options.Where(_ => rng.NextDouble() < 0.5).Select(o => o.Id).Order()),
            QuestionType.FillIn => System.Text.Json.JsonSerializer.Serialize(right ? q.AcceptedAnswers[0] : "不记得了"),
            _ => System.Text.Json.JsonSerializer.Serialize(""),
        };
    }

    /// <summary>A clock moved by hand, so the spot questions carry last month's times.</summary>
    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }

    /// <summary>Each team's session: about the team's share of the planned headcount is invited (the floor, oldest first).</summary>
    private static void SignInTeams(AppDbContext db, List<TrainingSession> sessions, List<Employee> people, int headcount, Random rng)
    {
        var floor = people.Where(e => !e.Stage.IsTerminal() && e.Stage != Stage.Induction && sessions.Any(s => s.TeamId == e.TeamId)).ToList();
        foreach (var s in sessions)
        {
            var team = floor.Where(e => e.TeamId == s.TeamId).OrderBy(e => e.Id).ToList();
            var share = (int)Math.Ceiling(team.Count * (double)Math.Min(headcount, floor.Count) / Math.Max(1, floor.Count));
            SignIn(db, s, team.Take(share), rng, feedback: true);
        }
    }

    /// <summary>Most sign in (a few late), a few are absent with a reason; about half of those present rate the session.</summary>
    private static void SignIn(AppDbContext db, TrainingSession s, IEnumerable<Employee> invited, Random rng, bool feedback)
    {
        foreach (var e in invited)
        {
            var roll = rng.Next(100);
            if (roll < 8)
            {
                db.Attendances.Add(Attendance.Mark(s.Id, e.Id, AttendanceStatus.Absent, roll < 4 ? AbsenceReason.OnDuty : AbsenceReason.Sick, null, s.StartsAt, "trainer"));
                continue;
            }

            var a = roll < 14 ? Attendance.Mark(s.Id, e.Id, AttendanceStatus.Late, null, "迟到", s.StartsAt.AddMinutes(15), "trainer") : Attendance.SignIn(s, e.Id, s.StartsAt.AddMinutes(-rng.Next(1, 10)), e.Name);
            db.Attendances.Add(a);
            if (feedback && rng.Next(2) == 0)
            {
                db.SessionFeedbacks.Add(new SessionFeedback(s.Id, e.Id, rng.Next(100) < 70 ? 5 : rng.Next(3, 5), rng.Next(6) == 0 ? "案例贴近实际，希望多做情景演练" : null, s.EndsAt.AddMinutes(5)));
            }
        }
    }

    /// <summary>Answers of a survey: the favoured categories rated high, the others spread; free text now and then.</summary>
    private static async Task AnswerAsync(AppDbContext db, NeedsSurvey survey, IEnumerable<Employee> people, DateOnly day, Random rng, SkillArea[] favoured)
    {
        var items = await db.Set<SurveyItem>().Where(i => i.SurveyId == survey.Id).ToListAsync();
        string[] texts = ["投诉电话的安抚话术", "新品常见问题的标准答复", "如何缩短通话时长", "Excel 做个人业绩表"];
        foreach (var e in people)
        {
            var answers = items.ToDictionary(i => i.Id, i => i.Kind == SurveyItemKind.Text
                ? ((int?)null, rng.Next(3) == 0 ? texts[rng.Next(texts.Length)] : null)
                : ((int?)(i.Category is { } c && favoured.Contains(c) ? rng.Next(3, 6) : rng.Next(1, 5)), (string?)null));
            db.SurveyResponses.Add(new SurveyResponse(survey, e, answers, day, At(day, 12).AddMinutes(rng.Next(0, 600))));
        }

        await db.SaveChangesAsync();
    }
}
