using AgentPath.Web.Features.Notifications;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Data;

/// <summary>
/// Reference data every installation needs (the nine roles, the posts), an optional first admin
/// from configuration, and — in demo mode, on an empty database — a small call center: one site,
/// two departments, six teams, about 150 people across all stages, and one login per role.
/// </summary>
public static class DemoSeed
{
    public const string Password = "AgentPath-demo-2026";

    public sealed record DemoLogin(string UserName, string Role, string DisplayKey);

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("admin", Roles.SystemAdmin, "System admin"),
        new("gm", Roles.GeneralManager, "General manager"),
        new("manager", Roles.DepartmentManager, "Department manager"),
        new("hr", Roles.Hr, "Administration / HR"),
        new("trainer", Roles.Trainer, "Trainer"),
        new("supervisor", Roles.Supervisor, "Supervisor"),
        new("qa", Roles.QaInspector, "QA inspector"),
        new("lead", Roles.TeamLead, "Team lead"),
        new("agent", Roles.Agent, "Agent"),
    ];

    private static readonly (string Code, string Zh, string En)[] PostList =
    [
        ("AGENT", "话务员", "Agent"), ("TEAM_LEAD", "普通组长", "Team lead"), ("SKILL_LEAD", "技能组长", "Skill lead"),
        ("ORDER_CHECK", "核单", "Order verification"), ("QA", "质检", "Quality inspector"), ("SALES", "销售", "Sales"),
        ("CALLBACK", "回访", "Callbacks"), ("TRAINER", "培训", "Trainer"), ("DATA", "数据分析", "Data analyst"),
        ("SUPERVISOR", "呼叫中心主管", "Call-center supervisor"), ("HR", "行政", "Administration"), ("MANAGER", "部门经理", "Department manager"),
        ("GM", "总经理", "General manager"),
    ];

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英",
        "晓东", "婷", "雪", "慧", "建华", "文", "鑫", "欣怡", "子涵", "浩然", "雨桐", "梓萱", "宇轩", "思远", "佳琪", "一诺", "晨曦", "嘉怡",
        "俊杰", "晓红", "丽娟", "志强", "海燕", "春梅", "玉兰", "建国", "小燕", "永刚",
    ];

    public static async Task EnsureReferenceDataAsync(IServiceProvider services, IConfiguration config)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var roles = sp.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }

        var db = sp.GetRequiredService<AppDbContext>();
        var have = await db.Posts.Select(p => p.Code).ToListAsync();
        foreach (var (code, zh, en) in PostList.Where(p => !have.Contains(p.Code)))
        {
            db.Posts.Add(new Post(code, zh, en));
        }

        await db.SaveChangesAsync();
        await Features.Assessments.AssessmentsDemo.EnsureReferenceDataAsync(db);
        await Features.Quality.QualityDemoSeed.EnsureReferenceDataAsync(db, sp.GetRequiredService<TimeProvider>());
        await Features.Pipeline.PipelineDemoSeed.EnsureReferenceDataAsync(db, sp.GetRequiredService<TimeProvider>());
        await Features.Training.TrainingSession.RenewShortCodesAsync(db);

        // A first administrator for an installation without demo data: Admin:UserName and Admin:Password.
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var adminName = config["Admin:UserName"];
        var adminPassword = config["Admin:Password"];
        if (!string.IsNullOrEmpty(adminName) && !string.IsNullOrEmpty(adminPassword) && !await db.Users.AnyAsync())
        {
            var admin = new AppUser { UserName = adminName, DisplayName = adminName };
            Check(await users.CreateAsync(admin, adminPassword));
            Check(await users.AddToRoleAsync(admin, Roles.SystemAdmin));
        }
    }

    public static async Task RunAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Sites.AnyAsync())
        {
            return; // seeded already, or a real center's data: never touch it
        }

        var time = sp.GetRequiredService<TimeProvider>();
        var today = DemoCalendar.Today(time);
        var rng = new Random(20261127);
        var posts = await db.Posts.ToDictionaryAsync(p => p.Code);

        var site = new Site("广州职场");
        var inbound = new Department(site, "咨询热线部");
        var outbound = new Department(site, "回访销售部");
        db.Sites.Add(site);
        db.Departments.AddRange(inbound, outbound);
        var teams = new[]
        {
            new Team(inbound, "咨询一组"), new Team(inbound, "咨询二组"), new Team(inbound, "咨询三组"),
            new Team(outbound, "回访一组"), new Team(outbound, "回访二组"), new Team(outbound, "销售一组"),
        };
        db.Teams.AddRange(teams);

        var number = 10000;
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        string NextName()
        {
            while (true)
            {
                var n = Surnames[rng.Next(Surnames.Length)] + GivenNames[rng.Next(GivenNames.Length)];
                if (usedNames.Add(n))
                {
                    return n;
                }
            }
        }

        Employee Person(string name, Department d, Team? t, Stage stage, int daysAgoMin, int daysAgoMax, string post, int? level = null)
        {
            var e = new Employee($"GZ{++number}", name, today.AddDays(-rng.Next(daysAgoMin, daysAgoMax + 1)), d, t, stage);
            e.UpdateDetails(name, $"13{rng.Next(100000000, 999999999)}", level);
            e.SetPosts([posts[post]]);
            db.Employees.Add(e);
            return e;
        }

        // Management and support staff (no team).
        var gm = Person("王建国", inbound, null, Stage.Regular, 2500, 3000, "GM");
        var manager = Person("李红梅", inbound, null, Stage.Regular, 1800, 2400, "MANAGER");
        Person("赵立新", outbound, null, Stage.Regular, 1800, 2400, "MANAGER");
        var hr = Person("陈静", inbound, null, Stage.Regular, 900, 1500, "HR");
        var trainer = Person("刘洋", inbound, null, Stage.Regular, 900, 1500, "TRAINER");
        Person("孙丽", outbound, null, Stage.Regular, 700, 1200, "TRAINER");
        var supervisor = Person("张敏", inbound, null, Stage.Regular, 1000, 1600, "SUPERVISOR");
        Person("周强", outbound, null, Stage.Regular, 1000, 1600, "SUPERVISOR");
        var qa = Person("吴芳", inbound, null, Stage.Regular, 700, 1300, "QA");
        Person("郑慧", outbound, null, Stage.Regular, 600, 1100, "QA");

        // Floor: each team has a lead and agents in every stage; team 咨询一组 has the demo lead and agent.
        Employee? demoLead = null, demoAgent = null;
        var leads = new List<(Team Team, Employee Lead)>();
        for (var i = 0; i < teams.Length; i++)
        {
            var team = teams[i];
            var lead = Person(i == 0 ? "黄志强" : NextName(), team.Department, team, Stage.Regular, 500, 1500, "TEAM_LEAD", 4);
            leads.Add((team, lead));
            demoLead ??= lead;
            if (i == 0)
            {
                demoAgent = Person("马晓东", team.Department, team, Stage.Regular, 240, 400, "AGENT", 2);
            }

            var floorPost = team.Department == outbound ? (team.Name.StartsWith("销售", StringComparison.Ordinal) ? "SALES" : "CALLBACK") : "AGENT";
            for (var k = 0; k < 14; k++)
            {
                Person(NextName(), team.Department, team, Stage.Regular, 190, 2000, floorPost, rng.Next(1, 4));
            }

            for (var k = 0; k < 3; k++)
            {
                Person(NextName(), team.Department, team, Stage.Probation, 40, 150, floorPost, 1);
            }

            for (var k = 0; k < (i == 0 ? 5 : 2); k++)
            {
                Person(NextName(), team.Department, team, Stage.Apprenticeship, 8, 36, floorPost);
            }

            if (i % 2 == 0)
            {
                Person(NextName(), team.Department, team, Stage.Eliminated, 10, 60, floorPost);
            }

            if (i % 3 == 0)
            {
                Person(NextName(), team.Department, team, Stage.Left, 200, 800, floorPost);
            }
        }

        // This week's induction cohort, not yet on a team, and one name outside the BMP.
        for (var k = 0; k < 7; k++)
        {
            Person(NextName(), k % 2 == 0 ? inbound : outbound, null, Stage.Induction, 0, 4, "AGENT");
        }

        Person("𠮷祥", inbound, null, Stage.Induction, 0, 4, "AGENT");
        await db.SaveChangesAsync();

        // A team and its lead refer to each other, so the leads are set once both exist.
        foreach (var (team, lead) in leads)
        {
            team.SetLead(lead);
        }

        await db.SaveChangesAsync();

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var links = new Dictionary<string, Employee?>
        {
            ["admin"] = null, ["gm"] = gm, ["manager"] = manager, ["hr"] = hr, ["trainer"] = trainer,
            ["supervisor"] = supervisor, ["qa"] = qa, ["lead"] = demoLead, ["agent"] = demoAgent,
        };
        var notifier = sp.GetRequiredService<Notifier>();
        foreach (var login in Logins)
        {
            var employee = links[login.UserName];
            var user = new AppUser { UserName = login.UserName, DisplayName = employee?.Name ?? "管理员", EmployeeId = employee?.Id };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, login.Role));
            if (login.Role != Roles.Agent && employee is not null && login.Role is Roles.TeamLead)
            {
                Check(await users.AddToRoleAsync(user, Roles.Agent));
            }

            notifier.Post(user.Id, "Welcome to AgentPath, {0}.", [user.DisplayName], "/");
        }

        await db.SaveChangesAsync();
        await Features.Assessments.AssessmentsDemo.SeedDemoAsync(db, sp.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>(), time, sp.GetRequiredService<WriteGate>(), sp.GetRequiredService<Features.Assessments.AnswerWriter>(), sp.GetRequiredService<Features.Assessments.ExamStatsJob>());
        await Features.Pipeline.PipelineDemoSeed.SeedDemoAsync(db, time);
        await Features.Training.TrainingDemoSeed.SeedDemoAsync(db, time);
        await Features.Quality.QualityDemoSeed.RunAsync(sp);
        await Features.Plans.PlansDemoSeed.SeedDemoAsync(sp);
        if (demoAgent is not null && await db.Users.FirstOrDefaultAsync(u => u.EmployeeId == demoAgent.Id) is { } agentUser)
        {
            notifier.Post(agentUser.Id, "A new exam is open for you: {0}.", [DemoCalendar.ThisMonthsExam(today)], "/exams");
            await db.SaveChangesAsync();
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
