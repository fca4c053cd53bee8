using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Coaching;
using AgentPath.Web.Features.Induction;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Records;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Pipeline;

/// <summary>
/// The pipeline's reference data (the three gates, the seed's 7-day induction program, the work
/// standards, the new-post checklists) for every installation, and the demo's cohorts: eight
/// cohorts at every stage, with stage histories, gate results (retakes among them), eliminations
/// with reasons, departures, sessions with attendance, daily evaluations, coaching steps, hours and certificates.
/// </summary>
public static class PipelineDemoSeed
{
    public static async Task EnsureReferenceDataAsync(AppDbContext db, TimeProvider time)
    {
        if (!await db.GateDefinitions.AnyAsync())
        {
            var induction = new GateDefinition(Stage.Induction, "实习期培训考核", 80, 1);
            induction.SetParts([(GatePartKind.WrittenTest, 40m, 60m, null), (GatePartKind.RecordingQa, 30m, null, null), (GatePartKind.MockCall, 30m, 60m, null)]);
            var apprenticeship = new GateDefinition(Stage.Apprenticeship, "见习期培训考核", 80, 1);
            apprenticeship.SetParts([(GatePartKind.DailyEvaluations, 40m, null, null), (GatePartKind.QaChecks, 30m, 60m, null), (GatePartKind.LeadAssessment, 30m, null, null)]);
            var probation = new GateDefinition(Stage.Probation, "试用期培训考核", 80, 1);
            probation.SetParts([(GatePartKind.BusinessExam, 40m, 60m, null), (GatePartKind.QaStandard, 40m, 60m, null), (GatePartKind.TrainingHours, 20m, null, 40m)]);
            db.GateDefinitions.AddRange(induction, apprenticeship, probation);
        }

        if (!await db.ProgramTemplates.AnyAsync())
        {
            db.ProgramTemplates.Add(new ProgramTemplate("实习期岗前培训（7天）", 1,
            [
                new ProgramDay(1, "公司简介、呼叫中心简介、岗位职责简介", Roles.Hr, "让新进员工尽快融入和认同部门", "签到表"),
                new ProgramDay(2, "公司产品、广告片、医学和疾病病理相关知识学习", Roles.Supervisor, "让新员工熟悉企业的服务范围", "签到表、随堂提问"),
                new ProgramDay(3, "呼叫中心A3系统使用培训及话务中心现场观摩", Roles.Supervisor, "让新员工具备基础业务技能", "签到表、系统操作练习"),
                new ProgramDay(4, "接听咨询热线及回访电话服务流程规范、服务技巧基础培训、优秀录音学习", Roles.Trainer, "掌握服务流程规范和基础服务技巧", "签到表、学习笔记"),
                new ProgramDay(5, "各产品咨询、回访、常见问题标准话术模拟演练，现场跟听，录音分析", Roles.Trainer, "熟练运用标准话术", "签到表、演练记录"),
                new ProgramDay(6, "进入话务中心回访电话并要求实际销售，回访时长不少于120分钟", Roles.Supervisor, "在真实通话中完成回访和销售", "回访时长（不少于120分钟）"),
                new ProgramDay(7, "培训考核：理论知识笔试、录音质检评分、模拟演练接线评分", Roles.Trainer, "综合考评得分80分以上进入见习", "考核结果、员工考核评定表"),
            ], time.GetUtcNow(), "system"));
        }

        if (!await db.WorkStandardTemplates.AnyAsync())
        {
            db.WorkStandardTemplates.AddRange(
                new WorkStandardTemplate("咨询电话", "Consultation call", "开场问候、确认需求、产品介绍、解答疑问、促成与结束语，按标准话术完成。"),
                new WorkStandardTemplate("回访电话", "Callback call", "核对客户信息、了解使用情况、有效安抚、再次销售、记录回访结果。"),
                new WorkStandardTemplate("订单录入", "Order entry", "在A3系统中准确录入订单：客户信息、产品、数量、地址，提交前复核。"),
                new WorkStandardTemplate("投诉处理", "Complaint handling", "倾听、致歉、安抚情绪、提出解决方案、按流程升级并跟进结果。"));
        }

        if (!await db.PostChecklistItems.AnyAsync())
        {
            var posts = await db.Posts.Where(p => p.Code == "AGENT" || p.Code == "CALLBACK" || p.Code == "SALES").ToDictionaryAsync(p => p.Code);
            (string Zh, string En)[] common =
            [
                ("岗位职责与工作纪律", "Duties of the post and work rules"),
                ("A3系统登录与基本操作", "Signing in to the A3 system and basic operation"),
                ("标准话术与常见问题解答", "Standard scripts and answers to common questions"),
                ("投诉处理与升级流程", "Handling complaints and escalation"),
                ("客户信息保密要求", "Keeping customer data confidential"),
            ];
            var extra = new Dictionary<string, (string, string)[]>
            {
                ["AGENT"] = [("咨询热线服务流程", "The consultation hotline process"), ("订单录入与复核", "Order entry and checking")],
                ["CALLBACK"] = [("回访电话服务流程", "The callback process"), ("回访记录填写", "Recording the result of a callback")],
                ["SALES"] = [("回访销售技巧", "Sales on callbacks"), ("订单录入与复核", "Order entry and checking")],
            };
            foreach (var (code, post) in posts)
            {
                var order = 0;
                foreach (var (zh, en) in common.Concat(extra[code]))
                {
                    db.PostChecklistItems.Add(new PostChecklistItem(post.Id, ++order, zh, en));
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private sealed record Spec(int StartOffset, Stage Reaches, int Count);

    public static async Task SeedDemoAsync(AppDbContext db, TimeProvider time)
    {
        if (await db.Cohorts.AnyAsync())
        {
            return;
        }

        var rng = new Random(20261128);
        var today = ApprenticeshipLimit.Today(time);
        var gates = await db.GateDefinitions.Include(g => g.Parts).Where(g => g.SupersededAt == null).ToDictionaryAsync(g => g.Stage);
        var all = await db.Employees.Include(e => e.Department).Include(e => e.Posts).OrderBy(e => e.Id).ToListAsync();
        var site = await db.Sites.OrderBy(s => s.Id).FirstAsync();
        var trainer = all.First(e => e.Name == "刘洋");
        var hr = all.First(e => e.Name == "陈静");
        var supervisor = all.First(e => e.Name == "张敏");
        string Sign(Employee e, string login) => $"{e.Name} ({login})";
        var trainerSign = Sign(trainer, "trainer");
        var supervisorSign = Sign(supervisor, "supervisor");
        var hrSign = Sign(hr, "hr");

        bool Floor(Employee e) => e.Posts.Any(p => p.Code is "AGENT" or "CALLBACK" or "SALES");
        var regulars = all.Where(e => e.Stage == Stage.Regular && e.TeamId != null && Floor(e)).ToList();
        var demoAgent = all.First(e => e.Name == "马晓东");
        var oldRegulars = new List<Employee> { demoAgent };
        oldRegulars.AddRange(regulars.Where(e => e != demoAgent).Take(11));
        var probation = all.Where(e => e.Stage == Stage.Probation).ToList();
        var apprentices = all.Where(e => e.Stage == Stage.Apprenticeship).ToList();
        var induction = all.Where(e => e.Stage == Stage.Induction).ToList();
        var eliminated = all.Where(e => e.Stage == Stage.Eliminated).ToList();
        var left = all.Where(e => e.Stage == Stage.Left).ToList();

        // Cohorts: start offsets in days before today. Apprentices are spread so that the demo lead's team
        // holds one past the 30-day limit, one at day 25+ and one early in the apprenticeship.
        var starts = new[] { -400, -220, -130, -75, -40, -33, -14, -3 };
        var cohorts = new List<Cohort>();
        for (var i = 0; i < starts.Length; i++)
        {
            var start = today.AddDays(starts[i]);
            cohorts.Add(new Cohort($"{start.Year}年{start.Month}月新员工培训第{i + 1}期", start, site.Id, trainer.Id));
        }

        db.Cohorts.AddRange(cohorts);
        var members = new List<(Cohort Cohort, Employee Person)>();
        void Join(Cohort c, Employee e)
        {
            e.CorrectHireDate(c.StartDate);
            members.Add((c, e));
        }

        for (var k = 0; k < oldRegulars.Count; k++)
        {
            Join(cohorts[k % 2], oldRegulars[k]);
        }

        for (var k = 0; k < probation.Count; k++)
        {
            Join(cohorts[2 + k % 2], probation[k]);
        }

        for (var k = 0; k < apprentices.Count; k++)
        {
            Join(cohorts[4 + k % 3], apprentices[k]);
        }

        foreach (var e in induction)
        {
            Join(cohorts[7], e);
        }

        if (left.Count > 0)
        {
            Join(cohorts[0], left[0]);
        }

        if (left.Count > 1)
        {
            Join(cohorts[1], left[1]);
        }

        for (var k = 0; k < eliminated.Count; k++)
        {
            Join(cohorts[new[] { 3, 4, 6 }[k % 3]], eliminated[k]);
        }

        // New hires who never reached the floor: eliminated in induction, with reasons.
        var inbound = all.First(e => e.Name == "陈静").Department;
        var number = 20000;
        var dropouts = new (int Cohort, StageReason Reason, string Name)[]
        {
            (0, StageReason.Absent, "邓晓燕"), (1, StageReason.FailedGate, "冯子健"), (5, StageReason.Resigned, "程雨欣"), (6, StageReason.FailedGate, "卢嘉豪"),
        };
        var agentPost = await db.Posts.FirstAsync(p => p.Code == "AGENT");
        var dropped = new List<(Cohort, Employee, StageReason)>();
        foreach (var (ci, reason, name) in dropouts)
        {
            var e = new Employee($"GZ{++number}", name, cohorts[ci].StartDate, inbound, null, Stage.Induction);
            e.SetPosts([agentPost]);
            db.Employees.Add(e);
            dropped.Add((cohorts[ci], e, reason));
        }

        await db.SaveChangesAsync();
        foreach (var (c, e) in members)
        {
            c.AddFromRecords(e);
        }

        foreach (var (c, e, _) in dropped)
        {
            c.Add(e);
        }

        await db.SaveChangesAsync();

        DateTimeOffset At(DateOnly d) => CohortService.At(d, 17, 0);
        decimal Score(int lo, int hi) => rng.Next(lo * 2, hi * 2 + 1) / 2m;
        var certificatesToIssue = new List<(Employee E, Post? Post, DateOnly On, GateResult Result, string By)>();

        GateResult Sit(Employee e, Stage stage, int sitting, bool pass, DateOnly on, string assessor, StageReason? reason = null)
        {
            var gate = gates[stage];
            var parts = gate.Parts.OrderBy(p => p.Order).Select(p =>
            {
                var source = p.Kind switch
                {
                    GatePartKind.WrittenTest or GatePartKind.BusinessExam => GateSourceNames.Exam,
                    GatePartKind.DailyEvaluations => GateSourceNames.Evaluations,
                    GatePartKind.TrainingHours => GateSourceNames.Hours,
                    _ => GateSourceNames.Entered,
                };
                var reference = source == GateSourceNames.Entered ? "演示数据" : "演示数据";
                return new ScoredPart(p.Kind, p.Weight, p.Minimum, pass ? Score(80, 96) : Score(62, 77), source, reference);
            }).ToList();
            var composite = GateComposite.Compute(parts, gate.PassMark);
            var outcome = composite.Passed ? GateOutcome.Passed : reason is null ? GateOutcome.Retake : GateOutcome.Eliminated;
            var r = new GateResult(e.Id, gate, sitting, composite, outcome, reason, null, on, At(on), null, assessor);
            db.GateResults.Add(r);
            return r;
        }

        Task Event(Employee e, Stage? from, Stage to, StageReason reason, DateOnly on, string by, GateResult? result, string? note = null)
        {
            db.StageEvents.Add(result is not null
                ? new StageEvent(e.Id, from!.Value, to, reason, on, At(on), by, note, result)
                : new StageEvent(e.Id, from, to, reason, on, At(on), by, note));
            return Task.CompletedTask;
        }

        // Walks a person through the gates up to the stage they are in (or the stage they left from).
        async Task<DateOnly> Walk(Employee e, DateOnly start, Stage upTo, bool retakeSomewhere)
        {
            await Event(e, null, Stage.Induction, StageReason.Hired, start, hrSign, null);
            var day = start.AddDays(6);
            var stage = Stage.Induction;
            var lengths = new Dictionary<Stage, int> { [Stage.Induction] = 6, [Stage.Apprenticeship] = rng.Next(22, 29), [Stage.Probation] = rng.Next(85, 95) };
            while (stage < upTo)
            {
                var assessor = stage == Stage.Induction ? trainerSign : supervisorSign;
                day = (stage == Stage.Induction ? start : day).AddDays(stage == Stage.Induction ? 6 : lengths[stage]);
                if (retakeSomewhere && stage == Stage.Apprenticeship)
                {
                    Sit(e, stage, 1, false, day.AddDays(-4), assessor);
                    retakeSomewhere = false;
                }

                var sitting = db.ChangeTracker.Entries<GateResult>().Count(x => x.Entity.EmployeeId == e.Id && x.Entity.Stage == stage);
                var r = Sit(e, stage, sitting + 1, true, day, assessor);
                var next = Employee.NextStage(stage)!.Value;
                await Event(e, stage, next, StageReason.GatePassed, day, assessor, r);
                if (stage == Stage.Apprenticeship)
                {
                    var post = e.Posts.FirstOrDefault();
                    certificatesToIssue.Add((e, post, day, r, assessor));
                }

                stage = next;
            }

            return day;
        }

        var index = 0;
        foreach (var (c, e) in members)
        {
            index++;
            var retake = index % 7 == 0;
            switch (e.Stage)
            {
                case Stage.Regular or Stage.Probation or Stage.Apprenticeship:
                {
                    var since = await Walk(e, c.StartDate, e.Stage, retake && e.Stage != Stage.Apprenticeship);
                    e.CorrectStageSince(since);
                    break;
                }

                case Stage.Induction:
                    await Event(e, null, Stage.Induction, StageReason.Hired, c.StartDate, hrSign, null);
                    break;
                case Stage.Left:
                {
                    var from = c == cohorts[0] ? Stage.Probation : Stage.Regular;
                    var since = await Walk(e, c.StartDate, from, false);
                    var on = since.AddDays(from == Stage.Probation ? 30 : 60);
                    await Event(e, from, Stage.Left, StageReason.Resigned, on, hrSign, null, "个人原因辞职");
                    e.CorrectStageSince(on);
                    break;
                }

                case Stage.Eliminated:
                {
                    // One per gate: probation (failed retake), apprenticeship (conduct), induction (failed retake).
                    var from = c == cohorts[3] ? Stage.Probation : c == cohorts[4] ? Stage.Apprenticeship : Stage.Induction;
                    var since = await Walk(e, c.StartDate, from, false);
                    DateOnly on;
                    if (from == Stage.Apprenticeship)
                    {
                        on = since.AddDays(12);
                        await Event(e, from, Stage.Eliminated, StageReason.Conduct, on, supervisorSign, null, "多次违反现场纪律，经警告无改善");
                    }
                    else
                    {
                        var assessor = from == Stage.Induction ? trainerSign : supervisorSign;
                        var first = from == Stage.Induction ? c.StartDate.AddDays(6) : (since.AddDays(60) < today.AddDays(-12) ? since.AddDays(60) : today.AddDays(-12));
                        Sit(e, from, 1, false, first, assessor);
                        on = first.AddDays(from == Stage.Induction ? 3 : 10);
                        var r = Sit(e, from, 2, false, on, assessor, StageReason.FailedGate);
                        await Event(e, from, Stage.Eliminated, StageReason.FailedGate, on, assessor, r, "补考仍未达到80分");
                    }

                    e.CorrectStageSince(on);
                    break;
                }
            }
        }

        foreach (var (c, e, reason) in dropped)
        {
            await Event(e, null, Stage.Induction, StageReason.Hired, c.StartDate, hrSign, null);
            GateResult? r = null;
            DateOnly on;
            if (reason == StageReason.FailedGate)
            {
                Sit(e, Stage.Induction, 1, false, c.StartDate.AddDays(6), trainerSign);
                on = c.StartDate.AddDays(9);
                r = Sit(e, Stage.Induction, 2, false, on, trainerSign, StageReason.FailedGate);
            }
            else
            {
                on = c.StartDate.AddDays(reason == StageReason.Absent ? 2 : 4);
            }

            var change = e.Eliminate(on, today);
            await Event(e, change.From, change.To, reason, on, trainerSign, r,
                reason switch { StageReason.Absent => "连续两天无故缺勤", StageReason.Resigned => "本人提出放弃", _ => "补考仍未达到80分" });
        }

        await db.SaveChangesAsync();
        var year = new Dictionary<int, int>();
        foreach (var (e, post, on, result, by) in certificatesToIssue.OrderBy(c => c.On))
        {
            year[on.Year] = year.GetValueOrDefault(on.Year) + 1;
            db.Certificates.Add(new Certificate(Certificate.NumberFor(on.Year, year[on.Year]), e.Id, post?.Id, on, result.Id, by));
        }

        await db.SaveChangesAsync();
        await SeedCurrentAsync(db, time, rng, today, cohorts[7], induction, apprentices, probation, supervisor, trainer, all);
    }

    /// <summary>What is going on now: the induction cohort's sessions and attendance, apprentices' evaluations and coaching, probationers' hours.</summary>
    private static async Task SeedCurrentAsync(AppDbContext db, TimeProvider time, Random rng, DateOnly today, Cohort current,
        List<Employee> induction, List<Employee> apprentices, List<Employee> probation, Employee supervisor, Employee trainer, List<Employee> all)
    {
        var now = time.GetUtcNow();
        var program = await db.ProgramTemplates.Include(p => p.Days).FirstAsync(p => p.IsCurrent);
        var hr = all.First(e => e.Name == "陈静");
        var owners = new Dictionary<string, int> { [Roles.Hr] = hr.Id, [Roles.Supervisor] = supervisor.Id, [Roles.Trainer] = trainer.Id };
        var sessions = new List<TrainingSession>();
        foreach (var day in program.Days.OrderBy(d => d.DayNumber))
        {
            var date = current.StartDate.AddDays(day.DayNumber - 1);
            var s = new TrainingSession($"D{day.DayNumber} {day.Topics}", SessionKind.Induction, CohortService.At(date, 9, 0), CohortService.At(date, 17, 30),
                day.DayNumber == 6 ? "话务中心回访区" : "培训室", null, owners[day.OwnerRole], day.OwnerRole, current.Id, null, day.DayNumber, day.Goal);
            sessions.Add(s);
        }

        db.TrainingSessions.AddRange(sessions);
        current.MarkScheduled(program.Id);
        await db.SaveChangesAsync();

        // Days already over: everyone signed in, one sick day, one late arrival.
        foreach (var s in sessions.Where(s => s.EndsAt < now))
        {
            foreach (var (e, k) in induction.Select((e, k) => (e, k)))
            {
                if (s.ProgramDay == 2 && k == 1)
                {
                    db.Attendances.Add(Attendance.Mark(s.Id, e.Id, AttendanceStatus.Absent, AbsenceReason.Sick, "发烧请假，已补课", s.StartsAt, trainer.Name));
                }
                else
                {
                    var a = Attendance.SignIn(s, e.Id, s.StartsAt.AddMinutes(s.ProgramDay == 3 && k == 2 ? 18 : -rng.Next(1, 15)), e.Name);
                    db.Attendances.Add(a);
                    if (rng.Next(3) > 0)
                    {
                        db.SessionFeedbacks.Add(new SessionFeedback(s.Id, e.Id, rng.Next(4, 6), k % 3 == 0 ? "案例很实用，希望多一些模拟演练" : null, s.EndsAt.AddMinutes(10)));
                    }
                }
            }
        }

        // The day-7 written test, a gate test for the cohort's trainees, with one retake.
        var questions = await db.Questions.Where(q => q.Type != QuestionType.Short && q.Status == QuestionStatus.Active).OrderBy(q => q.Id).Take(20).ToListAsync();
        if (questions.Count > 0)
        {
            var paper = new Paper("实习期理论知识笔试试卷", PaperMode.Fixed, 40, 60, shuffleQuestions: true, shuffleOptions: true, ReviewTime.AfterClose);
            foreach (var q in questions)
            {
                paper.AddQuestion(q, 5);
            }

            db.Papers.Add(paper);
            var day7 = current.StartDate.AddDays(6);
            var exam = new Exam($"{current.Name} 理论知识笔试", paper, ExamKind.GateTest, CohortService.At(day7, 9, 0), CohortService.At(day7.AddDays(3), 18, 0), 2, countsForPoints: false);
            foreach (var e in induction)
            {
                exam.AddAudience(AudienceKind.Person, e.Id, null);
            }

            db.Exams.Add(exam);
        }

        // Apprentices: daily evaluations over the last working days, by the team lead (and now and then the supervisor); coaching steps.
        var templates = await db.WorkStandardTemplates.OrderBy(t => t.Id).ToListAsync();
        var teams = await db.Teams.ToDictionaryAsync(t => t.Id);
        var leadNames = all.ToDictionary(e => e.Id, e => e.Name);
        foreach (var (e, k) in apprentices.Select((e, k) => (e, k)))
        {
            var lead = teams[e.TeamId!.Value].LeadEmployeeId;
            var from = e.StageStart;
            var days = Math.Min(12, today.DayNumber - from.DayNumber);
            for (var d = days; d >= 1; d--)
            {
                var on = today.AddDays(-d);
                if (on.DayOfWeek == DayOfWeek.Sunday)
                {
                    continue;
                }

                int R() => Math.Clamp(3 + rng.Next(0, 3) - (k % 5 == 4 ? 1 : 0), 1, 5);
                db.DailyEvaluations.Add(new DailyEvaluation(e, on, today, lead, lead is { } l ? leadNames[l] : "组长", Roles.TeamLead, R(), R(), R(), R(), R(),
                    d % 4 == 0 ? "通话时长偏长，开场白需更简洁" : null, CohortService.At(on, 18, 0)));
                if (d % 3 == 0 && e.DepartmentId == supervisor.DepartmentId)
                {
                    db.DailyEvaluations.Add(new DailyEvaluation(e, on, today, supervisor.Id, supervisor.Name, Roles.Supervisor, R(), R(), R(), R(), R(), null, CohortService.At(on, 18, 30)));
                }
            }

            var reachedDays = today.DayNumber - from.DayNumber;
            foreach (var (t, ti) in templates.Select((t, ti) => (t, ti)))
            {
                var steps = Math.Clamp(reachedDays / 5 - ti, 0, 5);
                CoachingStep? reached = null;
                for (var s = 1; s <= steps; s++)
                {
                    var on = from.AddDays(Math.Min(reachedDays, ti * 2 + s * 4));
                    var r = CoachingStepRecord.Next(e, t, (CoachingStep)s, reached, on > today ? today : on, today, s == 4 ? "表扬开场规范，纠正了结束语" : null,
                        lead, lead is { } l2 ? leadNames[l2] : "组长", CohortService.At(on, 18, 0));
                    db.CoachingSteps.Add(r);
                    reached = r.Step;
                }
            }
        }

        // Probationers: on-the-job hours, about 70/30; one is off target.
        foreach (var (e, k) in probation.Select((e, k) => (e, k)))
        {
            var from = e.StageStart;
            var weeks = Math.Max(1, (today.DayNumber - from.DayNumber) / 7);
            for (var w = 0; w < weeks; w++)
            {
                var on = from.AddDays(w * 7 + 2);
                if (on > today)
                {
                    break;
                }

                db.TrainingHoursEntries.Add(new TrainingHoursEntry(e, on, today, k == 0 ? 1 : 2.5m, HoursCategory.Business, "每周业务培训", trainer.Name, CohortService.At(on, 18, 0)));
                db.TrainingHoursEntries.Add(new TrainingHoursEntry(e, on.AddDays(2) > today ? on : on.AddDays(2), today, k == 0 ? 2 : 1, HoursCategory.GeneralSkills,
                    w % 2 == 0 ? "有效沟通技巧" : "情绪与压力管理", trainer.Name, CohortService.At(on, 18, 0)));
            }
        }

        await db.SaveChangesAsync();
    }
}
