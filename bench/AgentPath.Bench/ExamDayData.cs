using System.Globalization;
using System.Text.Json;
using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Bench;

/// <summary>A question as the driver needs it: what kind of answer it takes and which option ids it has.</summary>
public sealed record QuestionInfo(int Id, string Type, int[] OptionIds);

/// <summary>One planned answer save: which question, its sequence number (per question, as the exam page numbers them) and the response as JSON.</summary>
public sealed record PlannedSave(int QuestionId, long Seq, string Response);

/// <summary>A simulated agent: account, employee, bearer token, and the attempts of the four exams.</summary>
public sealed class BenchAgent(int index, string userName, int employeeId)
{
    public int Index { get; } = index;
    public string UserName { get; } = userName;
    public int EmployeeId { get; } = employeeId;
    public string Token { get; set; } = "";

    /// <summary>The exam-day attempt, set when the timed start succeeds.</summary>
    public long DayAttemptId { get; set; }

    /// <summary>Attempts created untimed for the floor and capacity phases (after the exam day, so that it runs on a database holding only its own attempts and the warm-up's).</summary>
    public long FloorAttemptId { get; set; }

    public long CapacityAttemptId { get; set; }

    /// <summary>Attempts of the warm-up exam that the warm-up's capacity saves write to (app, floor).</summary>
    public long WarmupAppAttemptId { get; set; }

    public long WarmupFloorAttemptId { get; set; }
}

/// <summary>The exams the run uses.</summary>
public sealed record ExamDayExams(int Day, int Warmup, int Floor, int Capacity, IReadOnlyList<QuestionInfo> PaperQuestions);

/// <summary>
/// Generated data for the exam-day benchmark, written with the app's own entities and services: a site, department and
/// team; N employees on the team with an account each (role Agent, created with UserManager); a bank of 60 questions in
/// the seeded knowledge areas (single, multiple, true/false, fill-in; no short answers, so every attempt grades fully);
/// a fixed paper of 40 of them (shuffled questions and options, 60 minutes, pass 60 %); and four exams of that paper open
/// now for the team: the exam day itself (one attempt, counts for points, as the monthly business exam), a warm-up exam
/// (20 attempts), and the exams whose attempts the floor and capacity phases write to.
/// </summary>
public static class ExamDayData
{
    public const string Password = "exam-day-bench-2026";
    public const int BankSize = 60;
    public const int PaperSize = 40;

    private static readonly string[] FillInAnswers = ["24", "生活愉快", "不记得了", "2", "两小时", "订单号"];

    public static async Task<List<BenchAgent>> CreateAgentsAsync(IServiceProvider services, int count, int parallel)
    {
        int teamId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var site = new Site("压测职场");
            var dept = new Department(site, "考试压测部");
            var team = new Team(dept, "考试压测组");
            db.AddRange(site, dept, team);
            await db.SaveChangesAsync();
            teamId = team.Id;
        }

        // Employees in batches of 1,000 (each with its audit row, as every save of the app writes).
        var employees = new List<(int Index, int Id, string Name)>();
        for (var start = 0; start < count; start += 1000)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var team = await db.Teams.Include(t => t.Department).SingleAsync(t => t.Id == teamId);
            var batch = new List<(int, Employee)>();
            for (var i = start; i < Math.Min(count, start + 1000); i++)
            {
                var e = new Employee($"EX{i + 1:D6}", NameOf(i), new DateOnly(2025, 1, 1).AddDays(i % 300), team.Department, team, Stage.Regular);
                db.Employees.Add(e);
                batch.Add((i, e));
            }

            await db.SaveChangesAsync();
            employees.AddRange(batch.Select(b => (b.Item1, b.Item2.Id, b.Item2.Name)));
        }

        // Accounts through UserManager (validators, normalisation, security stamp, audit), a few at a time.
        var agents = new BenchAgent[count];
        await Parallel.ForEachAsync(employees, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (e, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var name = $"exam{e.Index + 1:D5}";
            var user = new AppUser { UserName = name, DisplayName = e.Name, EmployeeId = e.Id };
            Check(await users.CreateAsync(user, Password), name);
            Check(await users.AddToRoleAsync(user, Roles.Agent), name);
            agents[e.Index] = new BenchAgent(e.Index, name, e.Id);
        });

        return [.. agents];
    }

    public static async Task<ExamDayExams> CreateExamsAsync(IServiceProvider services, int teamEmployeeId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var teamId = await db.Employees.Where(e => e.Id == teamEmployeeId).Select(e => e.TeamId!.Value).SingleAsync();
        var areas = await db.KnowledgeAreas.OrderBy(a => a.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var rng = new Random(20261201);
        var bank = new List<Question>();
        for (var i = 0; i < BankSize; i++)
        {
            var area = areas[i % areas.Count];
            bank.Add(Question.Create(Draft(i, area.Name, rng), area, now.AddDays(-30)));
        }

        db.Questions.AddRange(bank);
        await db.SaveChangesAsync();

        var paper = new Paper("考试日压测试卷", PaperMode.Fixed, 60, 60, shuffleQuestions: true, shuffleOptions: true, ReviewTime.AfterClose);
        foreach (var q in bank.OrderBy(_ => rng.Next()).Take(PaperSize))
        {
            paper.AddQuestion(q, 2.5m);
        }

        db.Papers.Add(paper);
        Exam Make(string title, ExamKind kind, int attempts, bool points)
        {
            var exam = new Exam(title, paper, kind, now.AddMinutes(-10), now.AddDays(1), attempts, points);
            exam.AddAudience(AudienceKind.Team, teamId, null);
            db.Exams.Add(exam);
            return exam;
        }

        var day = Make("12月业务考试（压测）", ExamKind.MonthlyBusiness, 1, true);
        var warmup = Make("预热考试（压测）", ExamKind.HomeworkQuiz, 20, false);
        var floor = Make("底线考试（压测）", ExamKind.HomeworkQuiz, 1, false);
        var capacity = Make("容量考试（压测）", ExamKind.HomeworkQuiz, 1, false);
        await db.SaveChangesAsync();

        var questions = paper.Items.OrderBy(i => i.Order).Select(i => Info(i.Question)).ToList();
        return new ExamDayExams(day.Id, warmup.Id, floor.Id, capacity.Id, questions);
    }

    public static QuestionInfo Info(Question q) =>
        new(q.Id, AssessmentsApi.TypeName(q.Type), q.Options.Select(o => o.Id).ToArray());

    /// <summary>
    /// Opens one attempt per agent in <paramref name="examId"/> directly with the app's entities (untimed set-up for the
    /// floor and capacity phases; the exam-day attempts are started over HTTP, timed). Returns attempt id per agent index.
    /// </summary>
    public static async Task<long[]> CreateAttemptsAsync(IServiceProvider services, int examId, IReadOnlyList<BenchAgent> agents, int number = 1)
    {
        var ids = new long[agents.Count];
        for (var start = 0; start < agents.Count; start += 250)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var exam = await db.Exams.Include(x => x.Paper).ThenInclude(p => p.Items).ThenInclude(i => i.Question).AsSplitQuery().SingleAsync(x => x.Id == examId);
            var now = DateTimeOffset.UtcNow;
            var batch = new List<(int Index, Attempt Attempt)>();
            for (var i = start; i < Math.Min(agents.Count, start + 250); i++)
            {
                var attempt = new Attempt(exam, agents[i].EmployeeId, number, now);
                var n = 0;
                foreach (var item in exam.Paper.Items.OrderBy(x => x.Order))
                {
                    attempt.Items.Add(new AttemptItem(item.Question, ++n, item.Points, item.Question.Options.Select(o => o.Id)));
                }

                db.Attempts.Add(attempt);
                batch.Add((i, attempt));
            }

            await db.SaveChangesAsync();
            foreach (var (i, a) in batch)
            {
                ids[i] = a.Id;
            }
        }

        return ids;
    }

    /// <summary>
    /// The saves of one attempt: every question answered once in the order shown, then the rest of the saves change
    /// earlier answers (distinct questions while there are any left), each with the question's next sequence number.
    /// </summary>
    public static List<PlannedSave> Plan(IReadOnlyList<QuestionInfo> questions, int saves, Random rng, long seqBase = 0)
    {
        var plan = new List<PlannedSave>(saves);
        var seqs = new Dictionary<int, long>();
        var again = questions.OrderBy(_ => rng.Next()).ToList();
        for (var k = 0; k < saves && questions.Count > 0; k++)
        {
            var q = k < questions.Count ? questions[k] : again[(k - questions.Count) % again.Count];
            var seq = seqs[q.Id] = seqs.GetValueOrDefault(q.Id, seqBase) + 1;
            plan.Add(new PlannedSave(q.Id, seq, Answer(q, rng)));
        }

        return plan;
    }

    /// <summary>A random answer in the canonical form the app stores (ExamEngine.Canonical), so that the stored text can be compared.</summary>
    public static string Answer(QuestionInfo q, Random rng)
    {
        string json = q.Type switch
        {
            "single" or "truefalse" => q.OptionIds[rng.Next(q.OptionIds.Length)].ToString(CultureInfo.InvariantCulture),
            "multiple" => JsonSerializer.Serialize(PickSome(q.OptionIds, rng)),
            _ => JsonSerializer.Serialize(FillInAnswers[rng.Next(FillInAnswers.Length)]),
        };
        using var doc = JsonDocument.Parse(json);
        var type = q.Type switch { "single" => QuestionType.Single, "truefalse" => QuestionType.TrueFalse, "multiple" => QuestionType.Multiple, _ => QuestionType.FillIn };
        return AnswerShape.Canonical(type, q.OptionIds, doc.RootElement) ?? throw new InvalidOperationException($"Not a response: {json}");
    }

    private static int[] PickSome(int[] options, Random rng)
    {
        var chosen = options.Where(_ => rng.Next(2) == 0).Order().ToArray();
        return chosen.Length > 0 ? chosen : [options[rng.Next(options.Length)]];
    }

    private static QuestionDraft Draft(int i, string area, Random rng)
    {
        var n = i + 1;
        return (i % 10) switch
        {
            < 5 => new QuestionDraft
            {
                Name = $"压测单选题 {n}", Type = QuestionType.Single, Category = area, Difficulty = 1 + (i % 5),
                Text = $"第{n}题（{area}）：客户来电咨询时，下列做法中最符合服务规范的是？",
                Options = [new OptionDraft("先问候并报工号，再确认客户需求", 1), new OptionDraft("直接推荐新品", 0),
                    new OptionDraft("请客户稍后再打", 0), new OptionDraft("转给组长处理", 0)],
            },
            < 7 => new QuestionDraft
            {
                Name = $"压测多选题 {n}", Type = QuestionType.Multiple, Category = area, Difficulty = 1 + (i % 5),
                Text = $"第{n}题（{area}）：受理投诉时必须登记的信息有哪些？（多选）",
                Options = [new OptionDraft("订单号", 0.5m), new OptionDraft("投诉原因", 0.5m), new OptionDraft("客户星座", -0.5m), new OptionDraft("客户收入", -0.5m)],
            },
            < 9 when i % 2 == 0 => new QuestionDraft
            {
                Name = $"压测判断题 {n}", Type = QuestionType.TrueFalse, Category = area, Difficulty = 1 + (i % 5),
                Text = $"第{n}题（{area}）：外呼时应告知客户通话可能被录音。", TrueFalseAnswer = rng.Next(2) == 0,
            },
            < 9 => new QuestionDraft
            {
                Name = $"压测判断题 {n}", Type = QuestionType.TrueFalse, Category = area, Difficulty = 1 + (i % 5),
                Text = $"第{n}题（{area}）：离开座位时应将系统状态置为“小休”。", TrueFalseAnswer = true,
            },
            _ => new QuestionDraft
            {
                Name = $"压测填空题 {n}", Type = QuestionType.FillIn, Category = area, Difficulty = 1 + (i % 5),
                Text = $"第{n}题（{area}）：“钙维D软胶囊”的保质期为___个月（填数字）。", AcceptedAnswers = ["24", "２４"],
            },
        };
    }

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英",
        "晓东", "婷", "雪", "慧", "建华", "文", "鑫", "欣怡", "子涵", "浩然", "雨桐", "梓萱", "宇轩", "思远", "佳琪", "一诺", "晨曦", "嘉怡",
    ];

    private static string NameOf(int i) => $"{Surnames[i % Surnames.Length]}{GivenNames[(i / Surnames.Length) % GivenNames.Length]}";

    private static void Check(IdentityResult result, string user)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {user}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
