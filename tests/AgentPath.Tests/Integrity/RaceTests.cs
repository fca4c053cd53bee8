using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentPath.Tests.Infrastructure;
using AgentPath.Tests.Quality;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Pipeline;
using AgentPath.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Tests.Integrity;

public sealed class RaceTests_Sqlite(SqliteAppFactory f) : RaceTests<SqliteAppFactory>(f);

public sealed class RaceTests_Postgres(PostgresAppFactory f) : RaceTests<PostgresAppFactory>(f);

/// <summary>
/// One decision, one record (issue 10, failures 1, 6 and 11): the same decision sent by several
/// clients at once, as real parallel HTTP requests, is applied once. Exactly one request succeeds;
/// every other one is refused with a 4xx whose message is in the caller's language (409 for a lost
/// race, or the entity's own refusal when it arrives after the winner committed) — never a 5xx — and
/// the database holds exactly one record of the decision.
/// </summary>
public abstract partial class RaceTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const int Racers = 5;

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private async Task<HttpClient[]> BearersAsync(string login, int n = Racers)
    {
        var clients = new HttpClient[n];
        for (var i = 0; i < n; i++)
        {
            clients[i] = await factory.BearerAsync(login);
            clients[i].DefaultRequestHeaders.AcceptLanguage.Clear();
            clients[i].DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        }

        return clients;
    }

    /// <summary>Sends all at once: every request waits on one gate, then they go on the thread pool together.</summary>
    private static async Task<HttpResponseMessage[]> RaceAsync(int n, Func<int, Task<HttpResponseMessage>> send)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, n).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await send(i);
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Exactly one success; each other answer a 4xx with a message in Chinese; no 5xx.</summary>
    private static async Task<HttpResponseMessage> OneWinsAsync(HttpResponseMessage[] responses)
    {
        var report = string.Join("\n", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        var winners = responses.Where(r => r.IsSuccessStatusCode).ToList();
        Assert.True(winners.Count == 1, $"expected exactly one success:\n{report}");
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
        {
            Assert.True((int)loser.StatusCode is >= 400 and < 500, report);
            var body = await loser.Content.ReadAsStringAsync();
            Assert.True(Chinese().IsMatch(body), $"a refusal without a message in the caller's language: {body}");
        }

        return winners[0];
    }

    private static void Dispose(IEnumerable<HttpClient> clients)
    {
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    private static object Entered(string kind, decimal score) => new { kind, score, reference = "记录 " + kind };

    /// <summary>A demo apprentice whose gate has every sourced part on file: only the entered parts are missing.</summary>
    private async Task<(int Id, string[] EnteredKinds)> ApprenticeReadyForGateAsync(int skip)
    {
        var ids = await factory.QueryAsync(db => db.Employees.Where(e => e.Stage == Stage.Apprenticeship).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        using var supervisor = await factory.BearerAsync("supervisor");
        var found = 0;
        foreach (var id in ids)
        {
            var response = await supervisor.GetAsync($"/api/v1/people/{id}/gate");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
            var parts = preview.GetProperty("parts").EnumerateArray().ToList();
            if (parts.All(p => p.GetProperty("entered").GetBoolean() || p.GetProperty("score").ValueKind == JsonValueKind.Number) && found++ == skip)
            {
                return (id, parts.Where(p => p.GetProperty("entered").GetBoolean()).Select(p => p.GetProperty("kind").GetString()!).ToArray());
            }
        }

        throw new InvalidOperationException("The demo has no apprentice ready for the gate.");
    }

    [Fact]
    public async Task Parallel_gate_passes_record_one_result_one_stage_event_and_one_certificate()
    {
        var (id, kinds) = await ApprenticeReadyForGateAsync(0);
        var clients = await BearersAsync("supervisor");
        var body = new { entered = kinds.Select(k => Entered(k, 100)).ToArray(), outcome = "Retake", note = "并发" };
        var responses = await RaceAsync(Racers, i => clients[i].PostAsJsonAsync($"/api/v1/people/{id}/gate-results", body));
        await OneWinsAsync(responses);
        Dispose(clients);

        var (results, events, certificates) = await factory.QueryAsync(async db => (
            await db.GateResults.CountAsync(r => r.EmployeeId == id && r.Stage == Stage.Apprenticeship && r.At >= factory.Clock.GetUtcNow().AddMinutes(-1)),
            await db.StageEvents.CountAsync(e => e.EmployeeId == id && e.From == Stage.Apprenticeship),
            await db.Certificates.CountAsync(c => c.EmployeeId == id)));
        Assert.Equal(1, results);
        var passed = await factory.QueryAsync(db => db.GateResults.Where(r => r.EmployeeId == id && r.Stage == Stage.Apprenticeship).OrderByDescending(r => r.Id).Select(r => r.Outcome).FirstAsync());
        Assert.Equal(passed == GateOutcome.Passed ? 1 : 0, events);
        Assert.Equal(passed == GateOutcome.Passed ? 1 : 0, certificates);
    }

    [Fact]
    public async Task Parallel_eliminations_of_one_person_write_one_stage_event()
    {
        var (id, _) = await ApprenticeReadyForGateAsync(1);
        var clients = await BearersAsync("supervisor");
        var responses = await RaceAsync(Racers, i => clients[i].PostAsJsonAsync($"/api/v1/people/{id}/eliminations", new { reason = "Absent", note = "连续缺勤" }));
        await OneWinsAsync(responses);
        Dispose(clients);
        Assert.Equal(1, await factory.QueryAsync(db => db.StageEvents.CountAsync(e => e.EmployeeId == id && e.To == Stage.Eliminated)));
    }

    [Fact]
    public async Task Parallel_drafts_of_one_call_by_one_inspector_leave_one_draft()
    {
        using var qa = await factory.BearerAsync("qa");
        var number = await factory.QueryAsync(db => db.Employees.Where(e => e.Stage == Stage.Regular && e.TeamId != null).OrderBy(e => e.Id).Select(e => e.EmployeeNumber).FirstAsync());
        var upload = await qa.UploadAsync(number, AgentPath.Web.Features.Quality.DemoAudio.Wav(10, 3), duration: 10, startedAt: factory.Clock.GetUtcNow().AddHours(-2).ToString("o"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var call = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var card = (await qa.GetFromJsonAsync<List<AgentPath.Web.Features.Quality.QualityApi.ScorecardDto>>("/api/v1/scorecards"))!
            .Single(c => c.Name == AgentPath.Web.Features.Quality.QualityDemoSeed.SevenDimensions);
        var clients = await BearersAsync("qa", 20);
        var responses = await RaceAsync(20, i => clients[i].PostAsJsonAsync("/api/v1/evaluations", new { recordingId = call, scorecardId = card.Id }));
        Dispose(clients);

        // Every caller gets the one draft (or a clear refusal); none a 500.
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Contains(responses, r => r.IsSuccessStatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Evaluations.CountAsync(e => e.RecordingId == call)));
    }

    private string Month(int ahead) => PlanMonth.Of(PlanMonth.Today(factory.Clock).AddMonths(ahead));

    private async Task<int> PlanAsync(string month, string status)
    {
        using var trainer = await factory.BearerAsync("trainer");
        var department = await factory.QueryAsync(db => db.Departments.Where(d => d.Name == "咨询热线部").Select(d => d.Id).SingleAsync());
        var owner = await factory.QueryAsync(db => db.Employees.Where(e => e.Name == "刘洋" && e.Posts.Any(p => p.Code == "TRAINER")).Select(e => e.Id).FirstAsync());
        var item = new
        {
            title = "并发测试课程", date = PlanMonth.First(month).AddDays(9).ToString("yyyy-MM-dd"), startTime = "14:00", headcount = 10, method = "Lecture", hours = 2m,
            ownerEmployeeId = owner, category = "Business",
        };
        var created = await trainer.PostAsJsonAsync("/api/v1/plans", new { departmentId = department, month, items = new[] { item } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var hr = await factory.BearerAsync("hr");
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/plans/{id}/submit", null)).StatusCode);
        if (status is "Approved" or "Issued")
        {
            using var manager = await factory.BearerAsync("manager");
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/plans/{id}/approve", null)).StatusCode);
        }

        if (status == "Issued")
        {
            Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/plans/{id}/issue", null)).StatusCode);
        }

        return id;
    }

    private Task<int> AuditRowsAsync(string entity, int id) =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Entity == entity && a.Key == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Parallel_approvals_of_one_plan_approve_it_once()
    {
        var id = await PlanAsync(Month(4), "Submitted");
        var audit = await AuditRowsAsync(nameof(TrainingPlan), id);
        var notes = await factory.QueryAsync(db => db.Notifications.CountAsync());
        var clients = await BearersAsync("manager");
        await OneWinsAsync(await RaceAsync(Racers, i => clients[i].PostAsync($"/api/v1/plans/{id}/approve", null)));
        Dispose(clients);
        Assert.Equal(PlanStatus.Approved, await factory.QueryAsync(db => db.TrainingPlans.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        Assert.Equal(audit + 1, await AuditRowsAsync(nameof(TrainingPlan), id));
        var sent = await factory.QueryAsync(db => db.Notifications.CountAsync()) - notes;
        Assert.True(sent <= 2, $"{sent} notifications for one approval");
    }

    [Fact]
    public async Task Approve_and_reject_of_one_revision_in_parallel_decide_it_once()
    {
        var month = Month(5);
        var id = await PlanAsync(month, "Issued");
        using var manager = await factory.BearerAsync("manager");
        var detail = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}");
        var first = detail.GetProperty("items")[0];
        var revision = new
        {
            reason = "调整课时",
            items = new object[]
            {
                new
                {
                    key = first.GetProperty("key").GetInt32(), title = first.GetProperty("title").GetString(), date = PlanMonth.First(month).AddDays(9).ToString("yyyy-MM-dd"),
                    startTime = "14:00", headcount = 10, method = "Lecture", hours = 3m, ownerEmployeeId = first.GetProperty("ownerEmployeeId").GetInt32(), category = "Business",
                },
            },
        };
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/plans/{id}/revisions", revision)).StatusCode);
        var clients = await BearersAsync("gm", 6);
        var responses = await RaceAsync(6, i => i % 2 == 0
            ? clients[i].PostAsync($"/api/v1/plans/{id}/revisions/1/approve", null)
            : clients[i].PostAsJsonAsync($"/api/v1/plans/{id}/revisions/1/reject", new { note = "驳回" }));
        var winner = await OneWinsAsync(responses);
        Dispose(clients);
        var approved = winner.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/approve", StringComparison.Ordinal);
        var (status, note, version) = await factory.QueryAsync(async db =>
        {
            var plan = await db.TrainingPlans.Include(p => p.Revisions).AsNoTracking().SingleAsync(p => p.Id == id);
            var r = plan.Revisions.Single();
            return (r.Status, r.DecisionNote, plan.Version);
        });
        Assert.Equal(approved ? RevisionStatus.Approved : RevisionStatus.Rejected, status);
        Assert.Equal(approved ? null : "驳回", note);
        Assert.Equal(approved ? 2 : 1, version);
    }

    [Fact]
    public async Task Parallel_commits_of_one_question_import_import_its_questions_once()
    {
        using var api = await factory.BearerAsync("trainer");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var gift = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            gift.Append(CultureInfoInvariant($"::并发{tag}-{i}::第{i}题 正确的是？{{=对 ~错}}\n\n"));
        }

        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(gift.ToString())), "file", "race.gift.txt" }, { new StringContent("gift"), "format" } };
        var preview = await api.PostAsync("/api/v1/question-bank/imports", form);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var body = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(20, body.GetProperty("importable").GetInt32());
        var importId = body.GetProperty("id").GetString();
        var clients = await BearersAsync("trainer", 10);
        await OneWinsAsync(await RaceAsync(10, i => clients[i].PostAsJsonAsync($"/api/v1/question-bank/imports/{importId}/commit", new { skipUnsupported = true })));
        Dispose(clients);
        Assert.Equal(20, await factory.QueryAsync(db => db.Questions.CountAsync(q => q.Name.StartsWith("并发" + tag))));
    }

    private static string CultureInfoInvariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Parallel_commits_of_one_roster_import_add_each_person_once()
    {
        var u = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = $"工号,姓名,手机,入职日期,班组\nR{u}1,并发甲,13800000001,2026-11-23,咨询一组\nR{u}2,并发乙,,2026-11-23,咨询一组\n";
        var clients = new HttpClient[Racers];
        for (var i = 0; i < Racers; i++)
        {
            clients[i] = await factory.SignedInAsync("hr");
        }

        var token = await clients[0].FormTokenAsync("/people/import");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "roster.csv" }, { new StringContent(token), "__RequestVerificationToken" } };
        var preview = await clients[0].PostAsync("/people/import?handler=Preview", form);
        var importId = ImportId().Match(await preview.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(importId);
        var tokens = await Task.WhenAll(clients.Select(c => c.FormTokenAsync("/people/import")));
        var responses = await RaceAsync(Racers, i => clients[i].PostAsync("/people/import?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["importId"] = importId,
            ["__RequestVerificationToken"] = tokens[i],
        })));
        Dispose(clients);
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        var pages = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(pages, p => p.Contains("已导入 2 人", StringComparison.Ordinal));
        Assert.Equal(2, await factory.QueryAsync(db => db.Employees.CountAsync(e => e.EmployeeNumber.StartsWith("R" + u))));
    }

    [GeneratedRegex("name=\"importId\" value=\"([^\"]+)\"")]
    private static partial Regex ImportId();

    /// <summary>Creates whose uniqueness a database index holds: the racers that lose are a 409 (or the validation's 400), not a 500.</summary>
    [Fact]
    public async Task Parallel_creates_of_one_unique_thing_create_it_once_and_the_others_are_refused_not_500()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var hr = await BearersAsync("hr");
        await OneWinsAsync(await RaceAsync(Racers, i => hr[i].PostAsJsonAsync("/api/v1/org/sites", new { name = "并发职场" + tag })));
        Assert.Equal(1, await factory.QueryAsync(db => db.Sites.CountAsync(s => s.Name == "并发职场" + tag)));

        var department = await factory.QueryAsync(db => db.Departments.Where(d => d.Name == "咨询热线部").Select(d => d.Id).SingleAsync());
        await OneWinsAsync(await RaceAsync(Racers, i => hr[i].PostAsJsonAsync("/api/v1/org/teams", new { departmentId = department, name = "并发组" + tag })));
        Assert.Equal(1, await factory.QueryAsync(db => db.Teams.CountAsync(t => t.Name == "并发组" + tag)));

        var team = await factory.QueryAsync(db => db.Teams.Where(t => t.Name == "咨询一组").Select(t => t.Id).SingleAsync());
        var number = "P" + tag.ToUpperInvariant();
        await OneWinsAsync(await RaceAsync(Racers, i => hr[i].PostAsJsonAsync("/api/v1/people", new
        {
            employeeNumber = number, name = "并发新人", hireDate = "2026-11-02", departmentId = department, teamId = team, stage = "Induction",
        })));
        Assert.Equal(1, await factory.QueryAsync(db => db.Employees.CountAsync(e => e.EmployeeNumber == number)));
        Dispose(hr);

        var trainers = await BearersAsync("trainer");
        var month = Month(6);
        var owner = await factory.QueryAsync(db => db.Employees.Where(e => e.Name == "刘洋").Select(e => e.Id).FirstAsync());
        await OneWinsAsync(await RaceAsync(Racers, i => trainers[i].PostAsJsonAsync("/api/v1/plans", new
        {
            departmentId = department, month,
            items = new[] { new { title = "并发", date = PlanMonth.First(month).AddDays(3).ToString("yyyy-MM-dd"), startTime = "09:00", headcount = 5, method = "Lecture", hours = 1m, ownerEmployeeId = owner, category = "Business" } },
        })));
        Assert.Equal(1, await factory.QueryAsync(db => db.TrainingPlans.CountAsync(p => p.DepartmentId == department && p.Month == month)));

        var newcomer = await factory.QueryAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.EmployeeNumber).SingleAsync());
        await OneWinsAsync(await RaceAsync(Racers, i => trainers[i].PostAsJsonAsync("/api/v1/cohorts", new { name = "并发期" + tag, startDate = "2026-12-07", employeeNumbers = new[] { newcomer } })));
        Assert.Equal(1, await factory.QueryAsync(db => db.CohortMembers.CountAsync(m => m.Employee.EmployeeNumber == newcomer)));
        Dispose(trainers);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.Append(new("__RequestVerificationToken", await client.FormTokenAsync(page)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    [Fact]
    public async Task Parallel_grades_of_one_hand_in_write_one_grade_and_the_others_are_told_on_the_page()
    {
        var team = await factory.QueryAsync(db => db.Teams.Where(t => t.Name == "咨询一组").Select(t => t.Id).SingleAsync());
        using var trainer = await factory.SignedInAsync("trainer");
        var due = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), AgentPath.Web.CenterClock.Zone).DateTime.AddDays(2);
        var created = await PostFormAsync(trainer, "/plans/homework", "/plans/homework",
        [
            new("Input.Title", "并发作业"), new("Input.Instructions", "写出三句安抚话术。"), new("Input.Kind", "HandIn"),
            new("Input.MaxScore", "10"), new("Input.DueAt", due.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.TeamIds", team.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var page = $"/plans/homework/{id}";
        using (var agent = await factory.SignedInAsync("agent"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(agent, page, $"{page}?handler=HandIn", [new("answer", "非常理解您的心情")])).StatusCode);
        }

        var submission = await factory.QueryAsync(db => db.HomeworkSubmissions.Where(s => s.HomeworkId == id).Select(s => s.Id).SingleAsync());
        var graders = new HttpClient[Racers];
        var tokens = new string[Racers];
        for (var i = 0; i < Racers; i++)
        {
            graders[i] = await factory.SignedInAsync("trainer");
            tokens[i] = await graders[i].FormTokenAsync(page);
        }

        var responses = await RaceAsync(Racers, i => graders[i].PostAsync($"{page}?handler=Grade", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["submissionId"] = submission.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["score"] = (5 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = tokens[i],
        })));
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        var grades = await factory.QueryAsync(db => db.HomeworkGrades.AsNoTracking().Where(g => g.SubmissionId == submission).OrderBy(g => g.Id).ToListAsync());

        // Graders who came after the winner's commit correct it (a new row naming the one it replaces); none forks the line.
        Assert.Single(grades, g => g.SupersedesId is null);
        Assert.Equal(grades.Count - 1, grades.Select(g => g.SupersedesId).OfType<long>().Distinct().Count());
        var losers = responses.Length - grades.Count;
        var pages = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.OK).Select(r => r.Content.ReadAsStringAsync()));
        Assert.Equal(losers, pages.Count(p => p.Contains("其他人刚刚同时修改了此记录", StringComparison.Ordinal)));
        Dispose(graders);
    }

    [Fact]
    public async Task Null_post_ids_on_a_new_person_mean_no_posts_not_a_500()
    {
        using var hr = await factory.BearerAsync("hr");
        var department = await factory.QueryAsync(db => db.Departments.Where(d => d.Name == "咨询热线部").Select(d => d.Id).SingleAsync());
        var number = "Q" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var response = await hr.PostAsJsonAsync("/api/v1/people", new { employeeNumber = number, name = "无岗位", hireDate = "2026-11-02", departmentId = department, stage = "Induction", postIds = (int[]?)null });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(await factory.QueryAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).SelectMany(e => e.Posts).ToListAsync()));
    }
}
