using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Http;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Plans;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AgentPath.Tests.Plans;

public sealed class PlanWorkflowTests_Sqlite(SqliteAppFactory f) : PlanWorkflowTests<SqliteAppFactory>(f);

public sealed class PlanWorkflowTests_Postgres(PostgresAppFactory f) : PlanWorkflowTests<PostgresAppFactory>(f);

/// <summary>
/// The monthly plan through the API and pages: each step moved only by its role (every wrong role
/// gets 403, or 404 outside its scope, and the plan is unchanged), revisions approved by the general
/// manager with every version kept, bad input, the export in the seed's table form, the demo data.
/// </summary>
public abstract class PlanWorkflowTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A month no demo plan uses, different per test (the fixture is shared).</summary>
    private string Month(int ahead) => PlanMonth.Of(PlanMonth.Today(factory.Clock).AddMonths(ahead));

    private Task<int> DepartmentAsync(string name) => factory.QueryAsync(db => db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    private Task<int> StaffAsync(string name, string post) =>
        factory.QueryAsync(db => db.Employees.Where(e => e.Name == name && e.Posts.Any(p => p.Code == post)).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());

    private async Task<object> ItemAsync(string month, string title, decimal? hours = 2, int headcount = 10, string owner = "刘洋", string post = "TRAINER", string category = "Business") => new
    {
        title, date = PlanMonth.First(month).AddDays(9).ToString("yyyy-MM-dd"), startTime = "14:00", headcount, method = "Lecture", hours,
        ownerEmployeeId = await StaffAsync(owner, post), category,
    };

    private async Task<JsonElement> CreateAsync(string department, string month, params object[] items)
    {
        using var trainer = await factory.BearerAsync("trainer");
        var response = await trainer.PostAsJsonAsync("/api/v1/plans", new { departmentId = await DepartmentAsync(department), month, items });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<(PlanStatus Status, int Version, int Items, int Revisions)> StateAsync(int id) => factory.QueryAsync(async db =>
    {
        var p = await db.TrainingPlans.Include(x => x.Items).Include(x => x.Revisions).AsNoTracking().SingleAsync(x => x.Id == id);
        return (p.Status, p.Version, p.Items.Count, p.Revisions.Count);
    });

    /// <summary>Every demo login except <paramref name="allowed"/> tries the move: 403 each time (404 for <paramref name="notFound"/>), and the plan is unchanged.</summary>
    private async Task WrongRolesAreRefusedAsync(int id, string path, object? body, string[] allowed, string[]? notFound = null)
    {
        var before = await StateAsync(id);
        foreach (var login in DemoPeople.Logins.Where(l => !allowed.Contains(l)))
        {
            using var api = await factory.BearerAsync(login);
            var response = body is null ? await api.PostAsync(path, null) : await api.PostAsJsonAsync(path, body);
            var expected = notFound?.Contains(login) == true ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            Assert.True(response.StatusCode == expected, $"{login} on {path}: {(int)response.StatusCode}, expected {(int)expected}");
            Assert.Equal(before, await StateAsync(id));
        }
    }

    [Fact]
    public async Task The_whole_workflow_moves_only_by_the_right_role_and_a_revision_keeps_every_version()
    {
        var month = Month(3);
        var created = await CreateAsync("咨询热线部", month, await ItemAsync(month, "新品知识：益生菌固体饮料"),
            await ItemAsync(month, "情绪管理与压力疏导", hours: 1.5m, category: "GeneralSkills"));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal(month, created.GetProperty("month").GetString());
        var item = created.GetProperty("items")[0];
        foreach (var field in new[] { "id", "title", "audience", "headcount", "method", "hours", "owner", "category" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"item has no {field}");
        }

        Assert.Equal("刘洋", item.GetProperty("owner").GetString());
        Assert.Equal("Business", item.GetProperty("category").GetString());

        // Submit: the management department (HR) only.
        await WrongRolesAreRefusedAsync(id, $"/api/v1/plans/{id}/submit", null, ["hr"]);
        using var hr = await factory.BearerAsync("hr");
        var submitted = await hr.PostAsync($"/api/v1/plans/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("Submitted", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await hr.PostAsync($"/api/v1/plans/{id}/submit", null)).StatusCode);

        // Approve: the manager of the plan's department only.
        await WrongRolesAreRefusedAsync(id, $"/api/v1/plans/{id}/approve", null, ["manager"]);
        using var manager = await factory.BearerAsync("manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/plans/{id}/approve", null)).StatusCode);

        // Issue: HR again; version 1 is kept.
        await WrongRolesAreRefusedAsync(id, $"/api/v1/plans/{id}/issue", null, ["hr"]);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/plans/{id}/issue", null)).StatusCode);
        Assert.Equal((PlanStatus.Issued, 1, 2, 0), await StateAsync(id));

        // A revision: proposed by HR or the department's manager, approved by the general manager only.
        var detail = await hr.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}", Json);
        var first = detail.GetProperty("items")[0];
        var revision = new
        {
            reason = "新品上市提前，增加一次复训",
            items = new object[]
            {
                new
                {
                    key = first.GetProperty("key").GetInt32(), title = first.GetProperty("title").GetString(), date = PlanMonth.First(month).AddDays(9).ToString("yyyy-MM-dd"),
                    startTime = "14:00", headcount = 10, method = "Lecture", hours = 3m, ownerEmployeeId = first.GetProperty("ownerEmployeeId").GetInt32(), category = "Business",
                },
                await ItemAsync(month, "新品复训：常见问题话术", hours: 1),
            },
        };
        await WrongRolesAreRefusedAsync(id, $"/api/v1/plans/{id}/revisions", revision, ["hr", "manager"]);
        var proposed = await manager.PostAsJsonAsync($"/api/v1/plans/{id}/revisions", revision);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var rev = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, rev.GetProperty("number").GetInt32());
        var kinds = rev.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["Added", "Changed", "Removed"], kinds);
        Assert.Equal((PlanStatus.Issued, 1, 2, 1), await StateAsync(id));

        await WrongRolesAreRefusedAsync(id, $"/api/v1/plans/{id}/revisions/1/approve", null, ["gm"]);
        using var gm = await factory.BearerAsync("gm");
        var approved = await gm.PostAsync($"/api/v1/plans/{id}/revisions/1/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal(["新品知识：益生菌固体饮料", "新品复训：常见问题话术"], after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await gm.PostAsync($"/api/v1/plans/{id}/revisions/1/approve", null)).StatusCode);

        // Both versions are kept, and the comparison says what changed.
        var compare = await hr.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}/compare?from=1&to=2", Json);
        var changes = compare.GetProperty("changes").EnumerateArray().ToList();
        var hours = changes.Single(c => c.GetProperty("kind").GetString() == "Changed").GetProperty("fields")[0];
        Assert.Equal("Hours", hours.GetProperty("field").GetString());
        Assert.Equal("2", hours.GetProperty("before").GetString());
        Assert.Equal("3", hours.GetProperty("after").GetString());
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "Removed" && c.GetProperty("title").GetString() == "情绪管理与压力疏导");
        var versions = await factory.QueryAsync(db => db.PlanVersions.Where(v => v.PlanId == id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(2, versions[0].Items().Count);

        // The list filters by month and department and speaks the documented shape.
        var list = await hr.GetFromJsonAsync<JsonElement>($"/api/v1/plans?month={month}&departmentId={await DepartmentAsync("咨询热线部")}", Json);
        var plan = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, plan.GetProperty("id").GetInt32());
        Assert.Equal("Issued", plan.GetProperty("status").GetString());
        Assert.Equal(2, plan.GetProperty("version").GetInt32());

        // Every step is in the audit trail.
        var audited = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(TrainingPlan) && a.Key == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(audited >= 5, $"{audited} audit entries");
    }

    [Fact]
    public async Task A_plan_outside_the_callers_scope_is_not_found_and_stays_as_it_was()
    {
        var month = Month(4);
        var created = await CreateAsync("回访销售部", month, await ItemAsync(month, "回访销售技巧", owner: "孙丽"));
        var id = created.GetProperty("id").GetInt32();
        using var hr = await factory.BearerAsync("hr");
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/plans/{id}/submit", null)).StatusCode);

        // The demo manager and supervisor work in the inbound department; the lead leads an inbound team.
        await WrongRolesAreRefusedAsync(id, $"/api/v1/plans/{id}/approve", null, [], ["manager"]);
        foreach (var login in new[] { "manager", "supervisor", "lead" })
        {
            using var api = await factory.BearerAsync(login);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/plans/{id}")).StatusCode);
            var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans?month={month}", Json);
            Assert.Empty(list.EnumerateArray());
        }

        Assert.Equal((PlanStatus.Submitted, 1, 1, 0), await StateAsync(id));
    }

    [Fact]
    public async Task Bad_items_are_refused_with_clear_messages_and_nothing_is_created()
    {
        var month = Month(5);
        var inbound = await DepartmentAsync("咨询热线部");
        var size = await factory.QueryAsync(db => db.Employees.CountAsync(e => e.DepartmentId == inbound && e.Stage != AgentPath.Web.Features.People.Stage.Eliminated && e.Stage != AgentPath.Web.Features.People.Stage.Left));
        var before = await factory.QueryAsync(db => db.TrainingPlans.CountAsync());
        using var trainer = await factory.BearerAsync("trainer");
        var response = await trainer.PostAsJsonAsync("/api/v1/plans", new
        {
            departmentId = inbound, month,
            items = new[]
            {
                await ItemAsync(month, "负课时", hours: -1),
                await ItemAsync(month, "零课时", hours: 0),
                await ItemAsync(month, "人数过多", headcount: size + 1),
                await ItemAsync(month, "外部门责任人", owner: "孙丽"),
                await ItemAsync(month, "", hours: null),
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        string Error(string key) => errors.GetProperty(key)[0].GetString()!;
        Assert.Equal("Hours must be more than 0 and at most 40.", Error("items[0].Hours"));
        Assert.Equal("Hours must be more than 0 and at most 40.", Error("items[1].Hours"));
        Assert.Equal($"The headcount ({size + 1}) is larger than the audience ({size} people).", Error("items[2].Headcount"));
        Assert.Equal("The owner must be someone of the plan's department.", Error("items[3].OwnerEmployeeId"));
        Assert.Equal("A training item needs a title of at most 200 characters.", Error("items[4].Title"));
        Assert.Equal(before, await factory.QueryAsync(db => db.TrainingPlans.CountAsync()));

        // In Chinese for a Chinese user, and a bad month is a clear 400 as well.
        using var zh = await factory.BearerAsync("trainer");
        zh.DefaultRequestHeaders.AcceptLanguage.Clear();
        zh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await zh.PostAsJsonAsync("/api/v1/plans", new { departmentId = inbound, month, items = new[] { await ItemAsync(month, "零课时", hours: 0) } });
        Assert.Contains("课时须大于 0 且不超过 40", await chinese.Content.ReadAsStringAsync());
        var badMonth = await trainer.PostAsJsonAsync("/api/v1/plans", new { departmentId = inbound, month = "2026-13", items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await trainer.GetAsync("/api/v1/plans?month=11-2026")).StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => db.TrainingPlans.CountAsync()));
    }

    private Task<TrainingPlan> DemoPlanAsync(int monthsAgo, string department = "咨询热线部") => factory.QueryAsync(async db =>
    {
        var month = PlanMonth.Of(PlanMonth.Today(factory.Clock).AddMonths(-monthsAgo));
        return await db.TrainingPlans.AsNoTracking().Include(p => p.Items).ThenInclude(i => i.Needs).Include(p => p.Versions).Include(p => p.Revisions)
            .AsSplitQuery().SingleAsync(p => p.Month == month && p.Department.Name == department);
    });

    [Fact]
    public async Task An_issued_plans_items_change_only_through_a_revision_also_on_the_page()
    {
        var plan = await DemoPlanAsync(1);
        var item = plan.Items.OrderBy(i => i.Order).First();
        using var trainer = await factory.SignedInAsync("trainer");
        var page = $"/plans/{plan.Id}/item?itemId={item.Id}";
        var response = await trainer.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "改名", ["Input.Date"] = item.Date.ToString("yyyy-MM-dd"), ["Input.Headcount"] = "5", ["Input.Method"] = "Lecture",
            ["Input.Hours"] = "9", ["Input.OwnerEmployeeId"] = item.OwnerEmployeeId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Category"] = "Business",
            ["__RequestVerificationToken"] = await trainer.FormTokenAsync(page),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已下发的计划只能通过修订更改培训项目", await response.Content.ReadAsStringAsync());
        var after = await factory.QueryAsync(db => db.PlanItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal(item.Title, after.Title);
        Assert.Equal(item.Hours, after.Hours);
    }

    [Fact]
    public async Task The_export_is_the_seeds_table_and_the_print_page_has_the_same_rows()
    {
        var plan = await DemoPlanAsync(1);
        using var hr = await factory.SignedInAsync("hr");
        var response = await hr.GetAsync($"/api/v1/plans/{plan.Id}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList()).ToList();
        Assert.Contains("咨询热线部", rows[0][0], StringComparison.Ordinal);
        Assert.Contains("培训计划", rows[0][0], StringComparison.Ordinal);
        Assert.Contains("第 2 版", rows[1][0], StringComparison.Ordinal);
        Assert.Contains("第 1 次修订批准：王建国", rows[2][0], StringComparison.Ordinal);
        var header = rows.FindIndex(r => r[0] == "序号");
        Assert.Equal(["序号", "培训项目", "对象", "时间", "人数", "方式", "课时", "责任人", "实施进度", "类别", "对应需求"], rows[header].Take(11));
        var items = rows.Skip(header + 1).TakeWhile(r => r[0].Length > 0).ToList();
        Assert.Equal(plan.Items.Count, items.Count);
        var byTitle = plan.Items.ToDictionary(i => i.Title);
        foreach (var row in items)
        {
            var i = byTitle[row[1]];
            Assert.Equal(i.Headcount.ToString(System.Globalization.CultureInfo.InvariantCulture), row[4]);
            Assert.Equal(i.Hours, decimal.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("已实施", row[8]);
        }

        var total = rows[header + 1 + items.Count];
        Assert.Equal("合计", total[1]);
        Assert.Equal(plan.Items.Sum(i => i.Hours), decimal.Parse(total[6], System.Globalization.CultureInfo.InvariantCulture));

        var print = await hr.GetStringAsync($"/plans/{plan.Id}/print");
        Assert.Contains("print-sheet", print, StringComparison.Ordinal);
        Assert.Contains("<th>责任人</th>", print, StringComparison.Ordinal);
        foreach (var i in plan.Items)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(i.Title), print, StringComparison.Ordinal);
        }

        var css = await hr.GetStringAsync("/css/plans.css");
        Assert.Contains("size: A4 landscape", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_holds_last_months_revised_plan_this_months_draft_from_needs_and_the_review_with_its_exam()
    {
        var last = await DemoPlanAsync(1);
        Assert.Equal(PlanStatus.Issued, last.Status);
        Assert.Equal(2, last.Version);
        Assert.Equal([1, 2], last.Versions.Select(v => v.Number).Order());
        var revision = Assert.Single(last.Revisions);
        Assert.Equal(RevisionStatus.Approved, revision.Status);
        Assert.Equal("王建国", revision.DecidedBy);

        var draft = await DemoPlanAsync(0);
        Assert.Equal(PlanStatus.Draft, draft.Status);
        Assert.True(draft.Items.Count >= 4);
        Assert.All(draft.Items, i => Assert.NotEmpty(i.Needs));
        var needIds = draft.Items.SelectMany(i => i.Needs.Select(n => n.NeedId)).ToList();
        var sources = await factory.QueryAsync(db => db.TrainingNeeds.Where(n => needIds.Contains(n.Id)).Select(n => new { n.Source, n.Status }).ToListAsync());
        Assert.Contains(sources, s => s.Source == NeedSources.Department);
        Assert.Contains(sources, s => s.Source == NeedSources.Survey);
        Assert.Contains(sources, s => s.Source == NeedSources.ExamAnalysis);
        Assert.All(sources, s => Assert.Equal(TrainingNeedStatus.Planned, s.Status));

        var review = await factory.QueryAsync(db => db.MonthlyReviews.AsNoTracking().SingleAsync(r => r.PlanItemId != null && r.Current == ReviewStep.Done));
        var exam = await factory.QueryAsync(db => db.Exams.AsNoTracking().SingleAsync(e => e.Id == review.ExamId));
        Assert.NotNull(exam.Analysis);
        Assert.True(await factory.QueryAsync(db => db.Attempts.CountAsync(a => a.ExamId == exam.Id)) > 50);
        var agentId = await DemoPeople.EmployeeIdOfAsync(factory, "agent");
        Assert.Equal(agentId, review.InstructorEmployeeId);
        Assert.True(await factory.QueryAsync(db => db.PointsEntries.AnyAsync(p => p.EmployeeId == agentId && p.SourceType == ReviewService.PointsSource && p.SourceId == review.Id && p.Points > 0)));

        var answered = await factory.QueryAsync(db => db.SurveyResponses.GroupBy(r => r.SurveyId).Select(g => g.Count()).ToListAsync());
        Assert.True(answered.Count >= 2 && answered.All(n => n > 10));

        // The pages show it: the plan with its revision, the review's checklist, the dashboard with attendance.
        using var manager = await factory.SignedInAsync("manager");
        var page = await manager.GetStringAsync($"/plans/{last.Id}");
        Assert.Contains("第 1 次修订", page, StringComparison.Ordinal);
        Assert.Contains("已下发", page, StringComparison.Ordinal);
        var checklist = await manager.GetStringAsync($"/plans/reviews/{review.Id}");
        Assert.Contains("对考试试卷进行分析点评", checklist, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(exam.Title), checklist, StringComparison.Ordinal);
        var dashboard = await manager.GetStringAsync($"/plans/dashboard?month={last.Month}");
        Assert.Contains("出勤率", dashboard, StringComparison.Ordinal);
        Assert.Matches(@"\d+(\.\d)?%", dashboard);
    }
}
