using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using AgentPath.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality;

/// <summary>
/// The seeded scorecards (the seed's seven dimensions, the mock call, the internal test call) and
/// default sampling plans for every installation; in demo mode also calls with real generated
/// audio, evaluations (acknowledged, awaiting the agent, disputed and settled), findings that
/// became retraining and a training need, a calibration session and this week's draw.
/// </summary>
public static class QualityDemoSeed
{
    public const string SevenDimensions = "品质考核（七维度）";
    public const string MockCallCard = "模拟演练接线评分";
    public const string TestCallCard = "内部拨测评分";

    public static async Task EnsureReferenceDataAsync(AppDbContext db, TimeProvider time)
    {
        if (await db.Scorecards.AnyAsync())
        {
            return;
        }

        var now = time.GetUtcNow();
        var quality = new Scorecard(SevenDimensions, ScorecardPurpose.Quality);
        var v = quality.NewDraft();
        v.SetMarks(80, 70);
        Section(v, "业务技能", 20,
            ("准确解答客户的问题", ItemScale.Points, 4, 2m, Critical.None, false),
            ("核实客户信息完整、准确", ItemScale.YesNo, 1, 1m, Critical.None, false),
            ("产品及医学知识讲解正确，无误导", ItemScale.YesNo, 1, 1m, Critical.Card, false));
        Section(v, "业务熟练程度", 15,
            ("系统操作熟练，无长时间静音等待", ItemScale.OneToFive, 5, 1m, Critical.None, false),
            ("通话时长合理，无不必要的语言", ItemScale.OneToFive, 5, 1m, Critical.None, false));
        Section(v, "回答问题的技巧", 15,
            ("先倾听后回答，不打断客户", ItemScale.YesNo, 1, 1m, Critical.None, false),
            ("有效提问，澄清客户需求", ItemScale.OneToFive, 5, 1m, Critical.None, false),
            ("有效安抚客户情绪", ItemScale.OneToFive, 5, 1m, Critical.None, true));
        Section(v, "语言组织的条理性", 10,
            ("表达清晰、有条理，重点突出", ItemScale.OneToFive, 5, 1m, Critical.None, false));
        Section(v, "服务态度", 15,
            ("热情耐心，不推诿", ItemScale.OneToFive, 5, 2m, Critical.None, false),
            ("无不耐烦、顶撞客户", ItemScale.YesNo, 1, 1m, Critical.Section, false));
        Section(v, "服务用语", 15,
            ("使用标准开场白和结束语", ItemScale.YesNo, 1, 1m, Critical.None, false),
            ("使用礼貌用语，无服务禁语", ItemScale.YesNo, 1, 1m, Critical.Card, false));
        Section(v, "语音语调", 10,
            ("语速适中、音量适宜", ItemScale.OneToFive, 5, 1m, Critical.None, false),
            ("语调亲切自然，有感染力", ItemScale.OneToFive, 5, 1m, Critical.None, false));
        v.Publish(now);

        var mock = new Scorecard(MockCallCard, ScorecardPurpose.MockCall);
        var m = mock.NewDraft();
        m.SetMarks(80, 70);
        Section(m, "开场与身份确认", 20,
            ("使用标准开场白，报工号", ItemScale.YesNo, 1, 1m, Critical.None, false),
            ("核实来电人身份", ItemScale.YesNo, 1, 1m, Critical.None, false));
        Section(m, "需求识别", 25,
            ("准确识别客户需求", ItemScale.OneToFive, 5, 1m, Critical.None, false),
            ("有效提问", ItemScale.OneToFive, 5, 1m, Critical.None, false));
        Section(m, "标准话术运用", 35,
            ("按标准话术解答产品咨询", ItemScale.Points, 4, 2m, Critical.None, false),
            ("常见问题解答正确", ItemScale.YesNo, 1, 1m, Critical.Card, false));
        Section(m, "结束与记录", 20,
            ("使用标准结束语", ItemScale.YesNo, 1, 1m, Critical.None, false),
            ("工单记录完整", ItemScale.OneToFive, 5, 1m, Critical.None, true));
        m.Publish(now);

        var test = new Scorecard(TestCallCard, ScorecardPurpose.TestCall);
        var t = test.NewDraft();
        t.SetMarks(80, 70);
        Section(t, "接通与开场", 30,
            ("三声铃响内接通", ItemScale.YesNo, 1, 1m, Critical.None, false),
            ("标准开场白", ItemScale.YesNo, 1, 1m, Critical.None, false));
        Section(t, "业务解答", 40,
            ("拨测问题解答准确", ItemScale.Points, 4, 2m, Critical.Card, false),
            ("解答完整，无遗漏", ItemScale.OneToFive, 5, 1m, Critical.None, false));
        Section(t, "服务规范", 30,
            ("服务态度", ItemScale.OneToFive, 5, 1m, Critical.None, false),
            ("标准结束语", ItemScale.YesNo, 1, 1m, Critical.None, false));
        t.Publish(now);

        db.Scorecards.AddRange(quality, mock, test);
        db.SamplingPlans.AddRange(
            new SamplingPlan("见习期员工抽检", Stage.Apprenticeship, null, 5, 8, SamplingPeriod.Week, quality),
            new SamplingPlan("试用期员工抽检", Stage.Probation, null, 3, 5, SamplingPeriod.Week, quality),
            new SamplingPlan("正式员工抽检", Stage.Regular, null, 4, 8, SamplingPeriod.Month, quality));
        await db.SaveChangesAsync();
    }

    private static void Section(ScorecardVersion v, string name, decimal weight, params (string Text, ItemScale Scale, int Max, decimal Weight, Critical Critical, bool Na)[] items)
    {
        var s = v.AddSection(name, weight);
        foreach (var i in items)
        {
            s.AddItem(i.Text, i.Scale, i.Max, i.Weight, i.Critical, i.Na);
        }
    }

    /// <summary>How well a demo call went: 1 = all marks; a section listed as weak scores lower; a failed item scores its lowest.</summary>
    private sealed record Quality(double Level, Dictionary<string, double> Weak, HashSet<string> Failed);

    public static async Task RunAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Recordings.AnyAsync())
        {
            return;
        }

        var files = sp.GetRequiredService<FileStore>();
        var time = sp.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var tz = CenterClock.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, tz).DateTime);
        DateTimeOffset At(int daysAgo, int hour, int minute)
        {
            var local = today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime();
        }

        var users = await db.Users.Where(u => u.UserName == "qa" || u.UserName == "lead" || u.UserName == "supervisor" || u.UserName == "agent")
            .ToDictionaryAsync(u => u.UserName!, u => (u.Id, Name: u.DisplayName ?? u.UserName!));
        if (!users.ContainsKey("qa") || !users.ContainsKey("agent"))
        {
            return;
        }

        var qa = users["qa"];
        var lead = users["lead"];
        var supervisor = users["supervisor"];
        var agentEmployee = await db.Users.Where(u => u.UserName == "agent").Select(u => u.EmployeeId).FirstAsync();
        var people = await db.Employees.Include(e => e.Team).Where(e => e.TeamId != null).OrderBy(e => e.Id).ToListAsync();
        var me = people.First(e => e.Id == agentEmployee);
        var myTeam = people.Where(e => e.TeamId == me.TeamId && e.Id != me.Id).ToList();
        var teamMate = myTeam.First(e => e.Stage == Stage.Regular && e.Id != lead.Id && e.Name != "黄志强");
        var apprentices = myTeam.Where(e => e.Stage == Stage.Apprenticeship).ToList();
        var team2 = people.First(e => e.Team!.Name == "咨询二组" && e.Stage == Stage.Regular);
        var team3 = people.First(e => e.Team!.Name == "咨询三组" && e.Stage == Stage.Regular);
        var outbound = people.Where(e => e.Team!.Name == "回访一组" && e.Stage is Stage.Regular or Stage.Probation).Take(2).ToList();
        var inductee = await db.Employees.FirstAsync(e => e.Stage == Stage.Induction);

        var cards = await db.Scorecards.Include(c => c.Versions).ThenInclude(v => v.Sections).ThenInclude(s => s.Items).AsSplitQuery().ToListAsync();
        var seven = cards.First(c => c.Name == SevenDimensions).Current!;
        var mockCard = cards.First(c => c.Name == MockCallCard).Current!;
        var testCard = cards.First(c => c.Name == TestCallCard).Current!;

        var seed = 0;
        var callNo = 0;
        Recording Call(Employee who, DateTimeOffset started, int seconds, CallType type = CallType.Inbound, bool audio = true)
        {
            var r = new Recording(who.Id, started, seconds, type, $"A3-{started.ToCenter():yyyyMMdd}-{++callNo:D5}", $"K-{70000 + (callNo * 37 % 9000)}", null, now, "system");
            if (audio)
            {
                var wav = DemoAudio.Wav(seconds, ++seed);
                using var ms = new MemoryStream(wav);
                var stored = files.SaveAsync(RecordingService.FileArea, ms, long.MaxValue).GetAwaiter().GetResult();
                r.AttachAudio(stored.Key, AudioFormat.Wav, stored.Length);
            }

            db.Recordings.Add(r);
            return r;
        }

        Evaluation Score(Recording r, ScorecardVersion v, (int Id, string Name) by, DateTimeOffset at, Quality q, string? comment,
            (FindingTag Tag, string? Section, decimal? At, string Note)[] findings, (decimal At, string Text)[] pins, int? calibration = null)
        {
            var e = new Evaluation(r, v, by.Id, by.Name, at.AddMinutes(-12), calibration);
            var answers = new List<AnswerInput>();
            foreach (var s in v.Sections.OrderBy(s => s.Order))
            {
                var level = q.Weak.TryGetValue(s.Name, out var w) ? w : q.Level;
                foreach (var i in s.Items.OrderBy(i => i.Order))
                {
                    decimal value = q.Failed.Contains(i.Text)
                        ? (i.Scale == ItemScale.OneToFive ? 1 : 0)
                        : i.Scale switch
                        {
                            ItemScale.YesNo => level >= 0.6 || i.Critical != Critical.None ? 1 : 0,
                            ItemScale.OneToFive => (decimal)Math.Clamp(Math.Round(1 + (4 * level)), 1, 5),
                            _ => (decimal)Math.Clamp(Math.Round(i.MaxPoints * level), 0, i.MaxPoints),
                        };
                    answers.Add(new AnswerInput(i.Id, value));
                }
            }

            var sections = v.Sections.ToDictionary(s => s.Name, s => s.Id);
            e.SaveDraft(EvaluationService.SerializeAnswers(answers), comment,
                findings.Select(f => new Finding(f.Tag, f.Section is null ? null : sections[f.Section], f.At, f.Note)).ToList());
            foreach (var (sec, text) in pins)
            {
                e.AddComment(new EvaluationComment(sec, text, CommentAuthor.Inspector, by.Id, by.Name, at.AddMinutes(-5), r.DurationSeconds));
            }

            var card = v.ToCard();
            var list = answers.Select(a => new ScorecardMath.Answer(a.ItemId, a.Value)).ToList();
            e.Submit(new EvaluationScore(1, ScorecardMath.Total(card, list), list, card, by.Id, by.Name, at, null, null), at, at.AddDays(7));
            db.Evaluations.Add(e);
            return e;
        }

        Quality Q(double level, params (string Section, double Level)[] weak) => new(level, weak.ToDictionary(w => w.Section, w => w.Level), []);

        // 马晓东: weak wording three weeks ago → retraining on 服务用语 → passed two weeks ago; a call scored two days ago awaits him.
        var m1 = Call(me, At(20, 10, 12), 32);
        var m2 = Call(me, At(13, 14, 40), 28);
        var m3 = Call(me, At(6, 9, 25), 26);
        var m4 = Call(me, At(2, 15, 5), 34);
        Call(me, At(1, 11, 30), 24);
        var e1 = Score(m1, seven, qa, At(19, 16, 0), Q(0.8, ("服务用语", 0.3), ("语音语调", 0.45)), "开场白缺失，语速偏快，结束时未使用标准结束语。",
            [(FindingTag.Wording, "服务用语", 3.0m, "未使用标准开场白"), (FindingTag.VoiceAndTone, "语音语调", 14.5m, "语速偏快，客户两次要求重复"), (FindingTag.Wording, "服务用语", 29.0m, "结束语不规范")],
            [(3.0m, "这里应先报工号和问候语"), (14.5m, "语速过快，客户听不清"), (29.0m, "结束前应确认客户还有无其他问题")]);
        e1.Acknowledge(At(18, 9, 10));
        var task = new RetrainingTask(me.Id, "服务用语", "服务用语", "跟听两通优秀录音，按标准开场白/结束语话术练习，组长陪练。", lead.Id, lead.Name,
            today.AddDays(-12), today.AddDays(-19), QualitySetup.TrainingSource, "QA findings: 服务用语", 30m, qa.Name, At(19, 16, 30));
        db.RetrainingTasks.Add(task);
        var e2 = Score(m2, seven, qa, At(12, 17, 0), Q(0.85, ("语音语调", 0.7)), "开场白、结束语规范，语速有改善。",
            [(FindingTag.VoiceAndTone, "语音语调", 9.0m, "语调略平")], [(9.0m, "语调可以更亲切一些")]);
        e2.Acknowledge(At(11, 10, 0));
        await db.SaveChangesAsync();
        task.CompleteByFollowUp($"Evaluation:{e2.Id}", 100m, true, At(12, 17, 0));
        var e3 = Score(m3, seven, qa, At(5, 16, 20), Q(0.9), null, [], [(12.0m, "安抚到位，值得表扬")]);
        e3.Acknowledge(At(4, 9, 0));
        Score(m4, seven, qa, At(1, 17, 45), Q(0.75, ("回答问题的技巧", 0.5)), "客户情绪激动时未先安抚，直接解释流程。",
            [(FindingTag.Reassurance, "回答问题的技巧", 8.0m, "未先安抚客户情绪"), (FindingTag.Process, null, 21.0m, "退换货流程说明顺序有误")],
            [(8.0m, "客户不满时先致歉、安抚，再解释"), (21.0m, "流程顺序：先登记，再告知时限")]);

        // Three more of his calls scored yesterday also await him, so he has some to acknowledge and some to dispute.
        foreach (var (days, minute, seconds) in new[] { (3, 5, 30), (4, 35, 27), (5, 50, 31) })
        {
            Score(Call(me, At(days, 10, minute), seconds), seven, qa, At(1, 16, minute), Q(0.85, ("语音语调", 0.6)), null,
                [(FindingTag.VoiceAndTone, "语音语调", 6.0m, "语调略平")], [(6.0m, "语调可以更亲切一些")]);
        }

        // A team mate disputed a score and the supervisor settled it with a changed score (a second version beside the first).
        var t1 = Call(teamMate, At(9, 10, 40), 30);
        var et = Score(t1, seven, qa, At(8, 15, 0), Q(0.75, ("业务熟练程度", 0.4)), "静音等待时间较长，系统查询不熟练。",
            [(FindingTag.BusinessKnowledge, "业务熟练程度", 11.0m, "查询订单时静音约 20 秒")], [(11.0m, "长时间静音，应告知客户正在查询")]);
        await db.SaveChangesAsync();
        et.RaiseDispute("当时系统卡顿，静音是系统原因，已在工单中备注。", 0, At(7, 9, 30));
        {
            var card = seven.ToCard();
            var merged = et.Scores[0].Items.Select(i => new ScorecardMath.Answer(i.ItemId, i.Value)).ToList();
            var slow = seven.Sections.First(s => s.Name == "业务熟练程度").Items.Select(i => i.Id).ToHashSet();
            merged = merged.Select(a => slow.Contains(a.ItemId) ? a with { Value = 4 } : a).ToList();
            var changed = new EvaluationScore(2, ScorecardMath.Total(card, merged), merged, card, supervisor.Id, supervisor.Name, At(6, 11, 0),
                "核实当天系统日志，查询接口确有延迟，业务熟练程度按 4 分计。", et.Scores[0]);
            et.Settle("核实当天系统日志，查询接口确有延迟，业务熟练程度按 4 分计。", changed, supervisor.Id, supervisor.Name, At(6, 11, 0));
        }

        // An apprentice used a forbidden phrase: the card fails, the sampling rate is raised, retraining is open.
        var a1 = apprentices[0];
        var ra = Call(a1, At(4, 14, 10), 22);
        Score(ra, seven, qa, At(3, 16, 0), new Quality(0.7, new() { ["服务用语"] = 0.2 }, ["使用礼貌用语，无服务禁语"]), "出现服务禁语“这个我不管”，按规定整张评分表判为不合格。",
            [(FindingTag.Wording, "服务用语", 15.5m, "服务禁语：这个我不管"), (FindingTag.Attitude, "服务态度", 16.0m, "语气生硬")], [(15.5m, "禁语！应说“我帮您转给负责的同事”")]);
        db.RetrainingTasks.Add(new RetrainingTask(a1.Id, "服务用语", "服务用语", "禁语清单逐条学习；组长每天抽听两通。", lead.Id, lead.Name, today.AddDays(7), today.AddDays(-3),
            QualitySetup.TrainingSource, "QA findings: 服务用语", 0m, qa.Name, At(3, 16, 30)));

        // Other teams and the outbound department.
        Score(Call(team2, At(10, 9, 50), 27), seven, qa, At(9, 14, 0), Q(0.85, ("服务用语", 0.5)), null,
            [(FindingTag.Wording, "服务用语", 4.0m, "开场白不完整")], []);
        foreach (var (o, k) in outbound.Select((o, k) => (o, k)))
        {
            Score(Call(o, At(8 + k, 10, 20), 29, CallType.Callback), seven, qa, At(7 + k, 15, 30), Q(0.8 + (0.05 * k), ("语音语调", 0.5)), "回访语气平淡。",
                [(FindingTag.VoiceAndTone, "语音语调", 6.0m, "语调平淡")], []);
        }

        // Mock call at induction, internal test call.
        Score(Call(inductee, At(1, 10, 0), 25, CallType.MockCall), mockCard, supervisor, At(1, 11, 0), Q(0.8), null, [], []);
        Score(Call(team3, At(5, 11, 15), 20, CallType.TestCall), testCard, qa, At(5, 14, 0), Q(0.9), null, [], []);

        // Calibration: the lead (qa) and two others scored one call blind; closed.
        var calCall = Call(team3, At(7, 10, 5), 30);
        await db.SaveChangesAsync();
        var cal = new CalibrationSession(DemoCalendar.CalibrationSession(today.AddDays(-6)), calCall, seven, qa.Id, qa.Name, At(6, 9, 0));
        db.CalibrationSessions.Add(cal);
        await db.SaveChangesAsync();
        Score(calCall, seven, qa, At(6, 10, 0), Q(0.8, ("语音语调", 0.5)), null, [], [], cal.Id);
        Score(calCall, seven, supervisor, At(6, 10, 20), Q(0.85, ("语音语调", 0.75)), null, [], [], cal.Id);
        Score(calCall, seven, lead, At(6, 10, 30), Q(0.7, ("语音语调", 0.5), ("服务态度", 0.5)), null, [], [], cal.Id);
        await db.SaveChangesAsync();
        cal.Close(true, 3, At(6, 11, 30));

        // An open session on another call, for the inspectors to join.
        var open = Call(team2, At(3, 15, 20), 26);
        await db.SaveChangesAsync();
        db.CalibrationSessions.Add(new CalibrationSession(DemoCalendar.SecondCalibrationSession(today, today.AddDays(-6)), open, seven, qa.Id, qa.Name, At(0, 8, 0)));

        // This week's calls of the apprentices, and a few more of 马晓东's team, not yet scored.
        var minutes = 5;
        foreach (var a in apprentices)
        {
            for (var k = 0; k < 2; k++)
            {
                Call(a, now.AddMinutes(-(minutes += 11)), 18 + (minutes % 13));
            }
        }

        // The period's wording findings became a training need for next month's plan.
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        db.TrainingNeeds.Add(new TrainingNeed("服务用语规范专项培训（标准开场白、结束语、服务禁语）", nextMonth, "咨询一组", me.TeamId, 6,
            "近两周质检问题“服务用语不当”共 5 次，涉及 3 人。", QualitySetup.TrainingSource, "Wording", qa.Name, At(2, 17, 0)));
        await db.SaveChangesAsync();

        // This week's draw of the apprentices' plan fills the QA inspector's queue.
        var plan = await db.SamplingPlans.FirstAsync(p => p.Stage == Stage.Apprenticeship);
        await new SamplingService(db, time, sp.GetRequiredService<Notifications.Notifier>()).DrawAsync(plan.Id, today, qa.Name, seed: 20261127);
    }
}
