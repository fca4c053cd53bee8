using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentPath.Tests.Infrastructure;
using AgentPath.Tests.Quality;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Pipeline;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Tests.Pipeline;

public sealed class PipelineFlowTests_Sqlite(SqliteAppFactory f) : PipelineFlowTests<SqliteAppFactory>(f);

public sealed class PipelineFlowTests_Postgres(PostgresAppFactory f) : PipelineFlowTests<PostgresAppFactory>(f);

/// <summary>Cohorts through the three gates over the API: pass; fail, retake, eliminate; reinstatement by HR; scope of team leads.</summary>
public abstract class PipelineFlowTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    public sealed record StageEventView(DateTimeOffset At, string? From, string To, string Reason, string By, long? GateResultId);

    public sealed record Part(string Kind, decimal Weight, decimal? Minimum, decimal? Score, string Source, string? Reference, bool Entered);

    public sealed record Preview(string Stage, int Sitting, decimal Composite, bool Complete, bool Passed, List<Part> Parts, List<string> AllowedOutcomes);

    public sealed record ResultView(long Id, string Stage, int Sitting, decimal Composite, bool Passed, string Outcome, string Assessor, List<Part> Parts);

    /// <summary>The demo's current induction cohort (all its members are still in induction).</summary>
    private Task<List<int>> TraineesAsync() => factory.QueryAsync(async db =>
    {
        var newest = await db.Cohorts.Where(c => c.Name.EndsWith("第8期")).Select(c => c.Id).SingleAsync();
        return await db.CohortMembers.Where(m => m.CohortId == newest).OrderBy(m => m.EmployeeId).Select(m => m.EmployeeId).ToListAsync();
    });

    private Task<int> LeadTeamAsync() => factory.QueryAsync(db => db.Teams.Where(t => t.Name == "咨询一组").Select(t => t.Id).SingleAsync());

    /// <summary>A gate test for this person, open now, taken at once: every answer right, or none given.</summary>
    private async Task<decimal> TakeGateTestAsync(int employeeId, bool right, ExamKind kind = ExamKind.GateTest)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgentPath.Web.Data.AppDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<ExamEngine>();
        var paperTitle = factory.OpenExamPaper;
        var paper = await db.Papers.FirstAsync(p => p.Title == paperTitle);
        var now = factory.Clock.GetUtcNow();
        var exam = new Exam("笔试 " + Guid.NewGuid().ToString("N")[..6], paper, kind, now.AddMinutes(-5), now.AddHours(2), 1, countsForPoints: false);
        exam.AddAudience(AudienceKind.Person, employeeId, null);
        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        var person = await db.Employees.AsNoTracking().SingleAsync(e => e.Id == employeeId);
        var (attempt, _, _) = await engine.StartAsync(exam.Id, person);
        var items = await db.AttemptItems.AsNoTracking().Include(i => i.Question).Where(i => i.AttemptId == attempt!.Id).ToListAsync();
        if (right)
        {
            foreach (var i in items)
            {
                var q = i.Question;
                object answer = q.Type switch
                {
                    QuestionType.Single or QuestionType.TrueFalse => q.Options.First(o => o.Fraction >= 1).Id,
                    QuestionType.Multiple => q.Options.Where(o => o.Fraction > 0).Select(o => o.Id).ToArray(),
                    QuestionType.FillIn => q.AcceptedAnswers[0],
                    _ => "",
                };
                Assert.Equal(SaveOutcome.Saved, await engine.SaveAsync(attempt!.Id, employeeId, q.Id, JsonSerializer.SerializeToElement(answer), 1));
            }
        }

        // A new scope, as a new request would be: the engine's context still tracks the items it created at start.
        using var submitScope = factory.Services.CreateScope();
        var result = await submitScope.ServiceProvider.GetRequiredService<ExamEngine>().SubmitAsync(attempt!.Id, employeeId, atDeadline: false);
        return result!.Percent;
    }

    private static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static object Entered(string kind, decimal score) => new { kind, score, reference = "评分表 2026-11 #" + kind };

    [Fact]
    public async Task The_recording_qa_part_comes_from_the_trainees_qa_evaluations_and_is_entered_only_when_none_is_on_file()
    {
        var id = (await TraineesAsync())[^1];
        using var qa = await factory.BearerAsync("qa");
        var number = await factory.QueryAsync(db => db.Employees.Where(e => e.Id == id).Select(e => e.EmployeeNumber).SingleAsync());
        var upload = await qa.UploadAsync(number, AgentPath.Web.Features.Quality.DemoAudio.Wav(10, 3), duration: 10);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var call = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var card = (await qa.GetFromJsonAsync<List<AgentPath.Web.Features.Quality.QualityApi.ScorecardDto>>("/api/v1/scorecards"))!
            .Single(c => c.Name == AgentPath.Web.Features.Quality.QualityDemoSeed.SevenDimensions);
        var items = card.Sections.SelectMany(s => s.Items).Select(i => new { itemId = i.Id, value = i.Scale switch { "YesNo" => 1m, "OneToFive" => 5m, _ => i.MaxPoints } }).ToList();
        var evaluation = await qa.PostAsJsonAsync("/api/v1/evaluations", new { recordingId = call, scorecardId = card.Id, items, submit = true });
        await ExpectAsync(HttpStatusCode.Created, evaluation);
        var evaluationId = (await evaluation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var trainer = await factory.BearerAsync("trainer");
        var preview = await trainer.GetFromJsonAsync<Preview>($"/api/v1/people/{id}/gate");
        var recording = preview!.Parts.Single(p => p.Kind == "RecordingQa");
        Assert.Equal(100m, recording.Score);
        Assert.Equal("Quality", recording.Source);
        Assert.False(recording.Entered);
        Assert.Contains("#" + evaluationId.ToString(System.Globalization.CultureInfo.InvariantCulture), recording.Reference, StringComparison.Ordinal);

        // No mock call has been scored for this trainee: the assessor enters that part, with its reference.
        var mock = preview.Parts.Single(p => p.Kind == "MockCall");
        Assert.True(mock.Entered);
        Assert.Null(mock.Score);
    }

    [Fact]
    public async Task A_trainee_passes_the_induction_gate_then_apprenticeship_and_probation_to_regular()
    {
        var id = (await TraineesAsync())[0];
        var team = await LeadTeamAsync();
        using var trainer = await factory.BearerAsync("trainer");
        Assert.Equal(100m, await TakeGateTestAsync(id, right: true));

        var preview = await trainer.GetFromJsonAsync<Preview>($"/api/v1/people/{id}/gate");
        Assert.Equal("Induction", preview!.Stage);
        Assert.Equal(["WrittenTest", "RecordingQa", "MockCall"], preview.Parts.Select(p => p.Kind));
        Assert.Equal(100m, preview.Parts[0].Score);
        Assert.Equal("Exam", preview.Parts[0].Source);
        Assert.False(preview.Complete);

        // A number entered by the assessor needs its reference.
        var noRef = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { entered = new[] { new { kind = "RecordingQa", score = 85, reference = "" }, new { kind = "MockCall", score = 80, reference = "x" } }, teamId = team });
        await ExpectAsync(HttpStatusCode.BadRequest, noRef);

        var pass = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { entered = new[] { Entered("RecordingQa", 85), Entered("MockCall", 80) }, teamId = team });
        await ExpectAsync(HttpStatusCode.Created, pass);
        var result = (await pass.Content.ReadFromJsonAsync<ResultView>())!;
        // 0.4 × 100 + 0.3 × QA + 0.3 × mock call: each QA part is the trainee's QA evaluations where the demo has them, else the number entered.
        decimal PartScore(string kind) => result.Parts.Single(p => p.Kind == kind).Score!.Value;
        Assert.Equal(Math.Round(40m + (0.3m * PartScore("RecordingQa")) + (0.3m * PartScore("MockCall")), 1, MidpointRounding.AwayFromZero), result.Composite);
        Assert.Equal("Passed", result.Outcome);
        Assert.Contains("刘洋", result.Assessor);

        var events = await trainer.GetFromJsonAsync<List<StageEventView>>($"/api/v1/people/{id}/stage-events");
        var last = events!.Last();
        Assert.Equal(("Induction", "Apprenticeship", "GatePassed", (long?)result.Id), (last.From, last.To, last.Reason, last.GateResultId));
        Assert.Contains("刘洋", last.By);

        // Apprenticeship: the team lead evaluates daily; the supervisor records the gate.
        using var lead = await factory.BearerAsync("lead");
        var eval = await lead.PostAsJsonAsync($"/api/v1/people/{id}/daily-evaluations", new { callLength = 5, conciseTalk = 5, reassurance = 5, knowledge = 4, voiceTone = 5, comment = "开场规范" });
        await ExpectAsync(HttpStatusCode.Created, eval);
        using var supervisor = await factory.BearerAsync("supervisor");
        var gate2 = await supervisor.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { entered = new[] { Entered("QaChecks", 90), Entered("LeadAssessment", 85) } });
        await ExpectAsync(HttpStatusCode.Created, gate2);
        var r2 = (await gate2.Content.ReadFromJsonAsync<ResultView>())!;
        Assert.Equal(96m, r2.Parts.Single(p => p.Kind == "DailyEvaluations").Score);
        Assert.Equal("Passed", r2.Outcome);
        Assert.Equal(1, await factory.QueryAsync(db => db.Certificates.CountAsync(c => c.EmployeeId == id && c.GateResultId == r2.Id)));

        // Probation: the business exam and the hours ledger are the sources; QA standard is entered.
        Assert.Equal(100m, await TakeGateTestAsync(id, right: true, ExamKind.MonthlyBusiness));
        var low = await supervisor.GetFromJsonAsync<Preview>($"/api/v1/people/{id}/gate");
        Assert.Equal(0m, low!.Parts.Single(p => p.Kind == "TrainingHours").Score);
        await factory.QueryAsync(async db =>
        {
            var p = await db.Employees.SingleAsync(e => e.Id == id);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), AgentPath.Web.CenterClock.Zone).DateTime);
            db.TrainingHoursEntries.Add(new TrainingHoursEntry(p, today, today, 20, HoursCategory.Business, "业务培训", "trainer", factory.Clock.GetUtcNow()));
            db.TrainingHoursEntries.Add(new TrainingHoursEntry(p, today, today, 8, HoursCategory.GeneralSkills, "有效沟通", "trainer", factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var gate3 = await supervisor.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { entered = new[] { Entered("QaStandard", 85) } });
        await ExpectAsync(HttpStatusCode.Created, gate3);
        var r3 = (await gate3.Content.ReadFromJsonAsync<ResultView>())!;
        Assert.Equal(70m, r3.Parts.Single(p => p.Kind == "TrainingHours").Score); // 28 h of 40
        Assert.Equal(88m, r3.Composite); // 40 + 34 + 14
        events = await trainer.GetFromJsonAsync<List<StageEventView>>($"/api/v1/people/{id}/stage-events");
        Assert.Equal(["Induction", "Apprenticeship", "Probation", "Regular"], events!.Select(e => e.To));
        await ExpectAsync(HttpStatusCode.NoContent, await supervisor.GetAsync($"/api/v1/people/{id}/gate")); // a regular employee has no gate
    }

    [Fact]
    public async Task A_failed_trainee_retrains_retakes_and_is_eliminated_after_the_last_retake_then_HR_reinstates()
    {
        var id = (await TraineesAsync())[1];
        using var trainer = await factory.BearerAsync("trainer");
        await TakeGateTestAsync(id, right: false);
        var body = new { entered = new[] { Entered("RecordingQa", 85), Entered("MockCall", 80) } };

        var undecided = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", body);
        await ExpectAsync(HttpStatusCode.BadRequest, undecided);
        Assert.Contains("retake", await undecided.Content.ReadAsStringAsync());

        var first = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { body.entered, outcome = "Retake", note = "安排再培训后补考" });
        await ExpectAsync(HttpStatusCode.Created, first);
        var r1 = (await first.Content.ReadFromJsonAsync<ResultView>())!;
        Assert.Equal((1, false, "Retake"), (r1.Sitting, r1.Passed, r1.Outcome));
        Assert.Equal("Induction", (await factory.QueryAsync(db => db.Employees.SingleAsync(e => e.Id == id))).Stage.ToString());

        // The retake fails too: no further retake is allowed, only elimination.
        var again = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { body.entered, outcome = "Retake" });
        await ExpectAsync(HttpStatusCode.BadRequest, again);
        var out2 = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { body.entered, outcome = "Eliminated" });
        await ExpectAsync(HttpStatusCode.Created, out2);
        var r2 = (await out2.Content.ReadFromJsonAsync<ResultView>())!;
        Assert.Equal((2, "Eliminated"), (r2.Sitting, r2.Outcome));

        var events = await trainer.GetFromJsonAsync<List<StageEventView>>($"/api/v1/people/{id}/stage-events");
        var lastEvent = events!.Last();
        Assert.Equal(("Induction", "Eliminated", "FailedGate", (long?)r2.Id), (lastEvent.From, lastEvent.To, lastEvent.Reason, lastEvent.GateResultId));

        // Nothing changes after elimination, except HR's documented reinstatement.
        await ExpectAsync(HttpStatusCode.BadRequest, await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", body));
        await ExpectAsync(HttpStatusCode.BadRequest, await trainer.PostAsJsonAsync($"/api/v1/people/{id}/eliminations", new { reason = "Conduct" }));
        await ExpectAsync(HttpStatusCode.Forbidden, await trainer.PostAsJsonAsync($"/api/v1/people/{id}/reinstatements", new { to = "Induction", document = "x" }));
        using var hr = await factory.BearerAsync("hr");
        var undocumented = await hr.PostAsJsonAsync($"/api/v1/people/{id}/reinstatements", new { to = "Induction", document = "" });
        await ExpectAsync(HttpStatusCode.BadRequest, undocumented);
        await ExpectAsync(HttpStatusCode.BadRequest, await hr.PostAsJsonAsync($"/api/v1/people/{id}/reinstatements", new { to = "Apprenticeship", document = "人事决定 18号" }));
        var back = await hr.PostAsJsonAsync($"/api/v1/people/{id}/reinstatements", new { to = "Induction", document = "人事决定 2026-18号", note = "复核笔试成绩后恢复" });
        await ExpectAsync(HttpStatusCode.Created, back);
        Assert.Equal(Stage.Induction, (await factory.QueryAsync(db => db.Employees.SingleAsync(e => e.Id == id))).Stage);

        // Results stay as they were signed: both sittings are there, unchanged.
        var results = await trainer.GetFromJsonAsync<List<ResultView>>($"/api/v1/people/{id}/gate-results");
        Assert.Equal([r1.Id, r2.Id], results!.Select(r => r.Id));
    }

    [Fact]
    public async Task A_failed_trainee_passes_the_retake()
    {
        var id = (await TraineesAsync())[2];
        using var trainer = await factory.BearerAsync("trainer");
        await TakeGateTestAsync(id, right: false);
        var entered = new[] { Entered("RecordingQa", 85), Entered("MockCall", 80) };
        var first = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { entered, outcome = "Retake" });
        await ExpectAsync(HttpStatusCode.Created, first);
        var preview = await trainer.GetFromJsonAsync<Preview>($"/api/v1/people/{id}/gate");
        Assert.Equal(2, preview!.Sitting);

        // Retraining, then the retake of the written test.
        await TakeGateTestAsync(id, right: true);
        var noTeam = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { entered });
        await ExpectAsync(HttpStatusCode.BadRequest, noTeam); // an apprentice needs a team
        var retake = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/gate-results", new { entered, teamId = await LeadTeamAsync() });
        await ExpectAsync(HttpStatusCode.Created, retake);
        var r = (await retake.Content.ReadFromJsonAsync<ResultView>())!;
        Assert.Equal((2, "Passed"), (r.Sitting, r.Outcome));
        Assert.Equal(Stage.Apprenticeship, (await factory.QueryAsync(db => db.Employees.SingleAsync(e => e.Id == id))).Stage);
    }

    [Fact]
    public async Task Eliminations_outside_a_gate_need_a_reason_and_a_date_that_is_neither_future_nor_before_hire()
    {
        var id = (await TraineesAsync())[3];
        using var trainer = await factory.BearerAsync("trainer");
        var hire = await factory.QueryAsync(db => db.Employees.Where(e => e.Id == id).Select(e => e.HireDate).SingleAsync());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), AgentPath.Web.CenterClock.Zone).DateTime);
        await ExpectAsync(HttpStatusCode.BadRequest, await trainer.PostAsJsonAsync($"/api/v1/people/{id}/eliminations", new { }));
        await ExpectAsync(HttpStatusCode.BadRequest, await trainer.PostAsJsonAsync($"/api/v1/people/{id}/eliminations", new { reason = "FailedGate" }));
        await ExpectAsync(HttpStatusCode.BadRequest, await trainer.PostAsJsonAsync($"/api/v1/people/{id}/eliminations", new { reason = "Absent", on = today.AddDays(1) }));
        await ExpectAsync(HttpStatusCode.BadRequest, await trainer.PostAsJsonAsync($"/api/v1/people/{id}/eliminations", new { reason = "Absent", on = hire.AddDays(-1) }));
        var ok = await trainer.PostAsJsonAsync($"/api/v1/people/{id}/eliminations", new { reason = "Absent", note = "连续两天无故缺勤", on = today });
        await ExpectAsync(HttpStatusCode.Created, ok);
        var ev = (await ok.Content.ReadFromJsonAsync<StageEventView>())!;
        Assert.Equal(("Induction", "Eliminated", "Absent"), (ev.From, ev.To, ev.Reason));
    }

    [Fact]
    public async Task A_team_lead_sees_and_evaluates_only_their_own_apprentices()
    {
        var (mine, theirs) = await factory.QueryAsync(async db =>
        {
            var leadEmployee = (await db.Users.SingleAsync(u => u.UserName == "lead")).EmployeeId;
            var led = await db.Teams.Where(t => t.LeadEmployeeId == leadEmployee).Select(t => t.Id).ToListAsync();
            var a = await db.Employees.Where(e => e.Stage == Stage.Apprenticeship && led.Contains(e.TeamId!.Value)).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            var b = await db.Employees.Where(e => e.Stage == Stage.Apprenticeship && !led.Contains(e.TeamId!.Value)).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            return (a, b);
        });
        using var lead = await factory.BearerAsync("lead");
        await ExpectAsync(HttpStatusCode.OK, await lead.GetAsync($"/api/v1/people/{mine}/stage-events"));
        await ExpectAsync(HttpStatusCode.NotFound, await lead.GetAsync($"/api/v1/people/{theirs}/stage-events"));
        await ExpectAsync(HttpStatusCode.NotFound, await lead.GetAsync($"/api/v1/people/{theirs}/daily-evaluations"));
        var rating = new { callLength = 4, conciseTalk = 3, reassurance = 4, knowledge = 4, voiceTone = 5 };
        await ExpectAsync(HttpStatusCode.NotFound, await lead.PostAsJsonAsync($"/api/v1/people/{theirs}/daily-evaluations", rating));
        await ExpectAsync(HttpStatusCode.Created, await lead.PostAsJsonAsync($"/api/v1/people/{mine}/daily-evaluations", rating));
        var twice = await lead.PostAsJsonAsync($"/api/v1/people/{mine}/daily-evaluations", rating);
        await ExpectAsync(HttpStatusCode.BadRequest, twice);
        var outOfRange = await lead.PostAsJsonAsync($"/api/v1/people/{mine}/daily-evaluations", rating with { callLength = 6 });
        await ExpectAsync(HttpStatusCode.BadRequest, outOfRange);

        var cohorts = await lead.GetFromJsonAsync<List<JsonElement>>("/api/v1/cohorts");
        var counted = cohorts!.Sum(c => c.GetProperty("counts").EnumerateObject().Sum(p => p.Value.GetInt32()));
        var scope = await AgentPath.Tests.Http.DemoPeople.ExpectedScopeAsync(factory, "lead");
        var inCohorts = await factory.QueryAsync(db => db.CohortMembers.Select(m => m.EmployeeId).ToListAsync());
        Assert.Equal(inCohorts.Count(scope.Contains), counted);

        // An agent cannot evaluate anyone.
        using var agent = await factory.BearerAsync("agent");
        await ExpectAsync(HttpStatusCode.Forbidden, await agent.PostAsJsonAsync($"/api/v1/people/{mine}/daily-evaluations", rating));
    }

    [Fact]
    public async Task Cohorts_and_the_funnel_show_the_demo_at_every_stage()
    {
        using var trainer = await factory.BearerAsync("trainer");
        var cohorts = await trainer.GetFromJsonAsync<List<JsonElement>>("/api/v1/cohorts");
        Assert.True(cohorts!.Count >= 8);
        var newest = cohorts.Single(c => c.GetProperty("name").GetString()!.EndsWith("第8期", StringComparison.Ordinal));
        Assert.Equal(8, newest.GetProperty("counts").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(newest.TryGetProperty("startDate", out _));
        Assert.True(newest.TryGetProperty("name", out _));

        var funnel = await trainer.GetFromJsonAsync<JsonElement>("/api/v1/reports/funnel");
        var stages = funnel.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["Induction", "Apprenticeship", "Probation", "Regular"], stages.Select(s => s.GetProperty("stage").GetString()));
        int N(int i, string p) => stages[i].GetProperty(p).GetInt32();
        Assert.Equal(N(0, "passed"), N(1, "entered"));
        Assert.Equal(N(1, "passed"), N(2, "entered"));
        Assert.True(N(0, "eliminated") >= 4);
        Assert.True(N(1, "eliminated") >= 1);
        Assert.True(N(2, "eliminated") >= 1);
        Assert.True(N(0, "retook") >= 3);
        Assert.True(N(2, "left") + N(3, "left") >= 2);
        Assert.Contains("Absent", stages[0].GetProperty("eliminatedByReason").EnumerateObject().Select(p => p.Name));

        var one = await trainer.GetFromJsonAsync<JsonElement>($"/api/v1/reports/funnel?cohortId={newest.GetProperty("id").GetInt32()}");
        Assert.Equal(8, one.GetProperty("stages")[0].GetProperty("entered").GetInt32());

        using var agent = await factory.BearerAsync("agent");
        await ExpectAsync(HttpStatusCode.Forbidden, await agent.GetAsync("/api/v1/reports/funnel"));
    }

    [Fact]
    public async Task A_cohort_is_created_from_new_hires_and_scheduled_from_the_program()
    {
        using var hr = await factory.BearerAsync("hr");
        var dept = await factory.QueryAsync(db => db.Departments.Select(d => d.Id).FirstAsync());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), AgentPath.Web.CenterClock.Zone).DateTime);
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var n = $"NEW{Guid.NewGuid().ToString("N")[..6]}";
            var created = await hr.PostAsJsonAsync("/api/v1/people", new { employeeNumber = n, name = "新人" + i, hireDate = today.AddDays(7), departmentId = dept, stage = "Induction" });
            await ExpectAsync(HttpStatusCode.Created, created);
            numbers.Add(n);
        }

        await ExpectAsync(HttpStatusCode.BadRequest, await hr.PostAsJsonAsync("/api/v1/cohorts", new { name = "第9期", startDate = today.AddDays(6), employeeNumbers = numbers }));
        await ExpectAsync(HttpStatusCode.BadRequest, await hr.PostAsJsonAsync("/api/v1/cohorts", new { name = "第9期", startDate = today.AddDays(7), employeeNumbers = new[] { "NOPE1" } }));
        var post = await hr.PostAsJsonAsync("/api/v1/cohorts", new { name = "第9期", startDate = today.AddDays(7), employeeNumbers = numbers });
        await ExpectAsync(HttpStatusCode.Created, post);
        var id = (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ExpectAsync(HttpStatusCode.BadRequest, await hr.PostAsJsonAsync("/api/v1/cohorts", new { name = "重复", startDate = today.AddDays(7), employeeNumbers = numbers }));

        var scheduled = await hr.PostAsync($"/api/v1/cohorts/{id}/schedule", null);
        await ExpectAsync(HttpStatusCode.OK, scheduled);
        Assert.Equal(7, await scheduled.Content.ReadFromJsonAsync<int>());
        var sessions = await factory.QueryAsync(db => db.TrainingSessions.Where(s => s.CohortId == id).OrderBy(s => s.ProgramDay).ToListAsync());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], sessions.Select(s => s.ProgramDay!.Value));
        Assert.Equal([Roles.Hr, Roles.Supervisor, Roles.Supervisor, Roles.Trainer, Roles.Trainer, Roles.Supervisor, Roles.Trainer], sessions.Select(s => s.OwnerRole));
        Assert.All(sessions, s => Assert.NotNull(s.InstructorEmployeeId));
        await ExpectAsync(HttpStatusCode.BadRequest, await hr.PostAsync($"/api/v1/cohorts/{id}/schedule", null));
    }
}
