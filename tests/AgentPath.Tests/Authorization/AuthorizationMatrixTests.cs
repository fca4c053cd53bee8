using System.Net;
using System.Net.Http.Json;
using AgentPath.Tests.Http;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.People;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Tests.Authorization;

public sealed class AuthorizationMatrixTests_Sqlite(SqliteAppFactory f) : AuthorizationMatrixTests<SqliteAppFactory>(f);

public sealed class AuthorizationMatrixTests_Postgres(PostgresAppFactory f) : AuthorizationMatrixTests<PostgresAppFactory>(f);

/// <summary>
/// Every endpoint the app maps, for every role, against a record inside and one outside the
/// role's scope, as stated in authorization-matrix.md. An endpoint missing from the table fails.
/// </summary>
public abstract partial class AuthorizationMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private static readonly Dictionary<string, string> LoginOf = new(StringComparer.Ordinal)
    {
        [Roles.Agent] = "agent", [Roles.TeamLead] = "lead", [Roles.Supervisor] = "supervisor", [Roles.Trainer] = "trainer",
        [Roles.QaInspector] = "qa", [Roles.Hr] = "hr", [Roles.DepartmentManager] = "manager", [Roles.GeneralManager] = "gm",
        [Roles.SystemAdmin] = "admin",
    };

    private const int Missing = 987654;

    [Fact]
    public void Every_mapped_endpoint_is_in_the_matrix_and_every_row_is_mapped()
    {
        var mapped = MappedEndpoints();
        var table = AuthorizationMatrix.Load().Rows.Select(r => r.Endpoint).ToHashSet(StringComparer.Ordinal);
        var missing = mapped.Where(e => !table.Contains(e)).Order().ToList();
        var stale = table.Where(e => !mapped.Contains(e)).Order().ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from authorization-matrix.md:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows in authorization-matrix.md with no endpoint:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_role_gets_what_the_matrix_says_on_every_endpoint_inside_and_outside_its_scope()
    {
        var matrix = AuthorizationMatrix.Load();
        var failures = new List<string>();
        foreach (var role in AuthorizationMatrix.Columns)
        {
            using var page = role == AuthorizationMatrix.Anonymous ? factory.NewClient() : await factory.SignedInAsync(LoginOf[role]);
            using var api = role == AuthorizationMatrix.Anonymous ? factory.NewClient() : await factory.BearerAsync(LoginOf[role]);
            foreach (var row in matrix.Rows)
            {
                var expected = row.Expect[role];
                var (inside, outside) = row.Record == "-" ? (0, 0) : await RecordsAsync(row.Record, role);
                var targets = row.Record == "-" ? [("-", (int?)null)] : new[] { ("in", (int?)inside), ("out", (int?)outside) };
                foreach (var (which, id) in targets)
                {
                    var (method, path) = row.Request(id, row.Record == "plan-revision" && id == (await PlanRevisionAsync()).PlanId ? (await PlanRevisionAsync()).Number : null);
                    var client = row.IsApi ? api : page;
                    using var request = new HttpRequestMessage(method, path);
                    if (method != HttpMethod.Get)
                    {
                        request.Content = row.Endpoint switch
                        {
                            "POST /api/v1/auth/token" => JsonContent.Create(new { username = LoginOf.GetValueOrDefault(role, "agent"), password = TestClients.Password }),
                            _ when row.Endpoint.EndsWith("/imports", StringComparison.Ordinal) => new MultipartFormDataContent { { new StringContent("gift"), "format" } },
                            _ => JsonContent.Create(new { }),
                        };
                    }

                    var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var location = response.Headers.Location;
                    var target = location is null ? "" : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
                    var toLogin = response.StatusCode == HttpStatusCode.Redirect && target.Equals("/account/login", StringComparison.OrdinalIgnoreCase);
                    var ok = expected switch
                    {
                        "login" => row.IsApi ? status == 401 : toLogin,
                        "deny" => status == 403,
                        "404" => status == 404,
                        "allow" when which == "out" => status == 404,
                        "allow" => status < 500 && status is not (401 or 403 or 404 or 405) && !toLogin,
                        _ => false,
                    };
                    if (!ok || status >= 500)
                    {
                        failures.Add($"{role,-18} {row.Endpoint} [{which} {id}] expected {expected}{(which == "out" && expected == "allow" ? " (404 outside scope)" : "")}, got {status}{(toLogin ? " → login" : "")}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} mismatches:\n" + string.Join("\n", failures));
    }

    private HashSet<string> MappedEndpoints()
    {
        var sources = factory.Service<IEnumerable<EndpointDataSource>>();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Count == 0)
            {
                var isPage = e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor;
                result.Add((isPage ? "PAGE " : "ANY ") + pattern);
            }
            else
            {
                foreach (var m in methods)
                {
                    result.Add($"{m} {pattern}");
                }
            }
        }

        return result;
    }

    private readonly Dictionary<int, (int ExamId, long AttemptId)> _attempts = [];

    /// <summary>An exam meant only for this person, with an open attempt of theirs on it.</summary>
    private async Task<(int ExamId, long AttemptId)> MatrixAttemptAsync(int employeeId)
    {
        if (_attempts.TryGetValue(employeeId, out var known))
        {
            return known;
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgentPath.Web.Data.AppDbContext>();
        var paper = await db.Papers.FirstAsync();
        var now = factory.Clock.GetUtcNow();
        var exam = new AgentPath.Web.Features.Assessments.Exam($"矩阵 {employeeId}", paper, AgentPath.Web.Features.Assessments.ExamKind.SpotQuestions,
            now.AddMinutes(-1), now.AddDays(1), 3, countsForPoints: false);
        exam.AddAudience(AgentPath.Web.Features.Assessments.AudienceKind.Person, employeeId, null);
        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        var person = await db.Employees.SingleAsync(e => e.Id == employeeId);
        var (attempt, _, _) = await scope.ServiceProvider.GetRequiredService<AgentPath.Web.Features.Assessments.ExamEngine>().StartAsync(exam.Id, person);
        return _attempts[employeeId] = (exam.Id, attempt!.Id);
    }

    /// <summary>A record of the kind the endpoint takes: one the role may see and one it may not (or that does not exist).</summary>
    private async Task<(int Inside, int Outside)> RecordsAsync(string kind, string role) => await factory.QueryAsync(async db =>
    {
        var login = LoginOf.GetValueOrDefault(role, "agent");
        var user = await db.Users.SingleAsync(u => u.UserName == login);
        switch (kind)
        {
            case "person":
                var scope = await DemoPeople.ExpectedScopeAsync(factory, login);
                var inside = user.EmployeeId ?? scope.Min();
                var all = await db.Employees.Select(e => e.Id).ToListAsync();
                var outside = all.Where(id => !scope.Contains(id)).DefaultIfEmpty(Missing).First();
                return (inside, outside);
            case "notification":
                var mine = await db.Notifications.Where(n => n.UserId == user.Id).Select(n => n.Id).FirstAsync();
                var theirs = await db.Notifications.Where(n => n.UserId != user.Id).Select(n => n.Id).FirstAsync();
                return ((int)mine, (int)theirs);
            case "user":
                return (user.Id, Missing);
            case "site":
                return (await db.Sites.Select(s => s.Id).FirstAsync(), Missing);
            case "department":
                return (await db.Departments.Select(s => s.Id).FirstAsync(), Missing);
            case "team":
                return (await db.Teams.Select(s => s.Id).FirstAsync(), Missing);
            case "question":
                return (await db.Questions.Where(q => q.Type != AgentPath.Web.Features.Assessments.QuestionType.Short).Select(q => q.Id).FirstAsync(), Missing);
            case "cohort":
                return (await db.Cohorts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), Missing);
            case "certificate":
            case "gate-result":
            {
                var seen = await DemoPeople.ExpectedScopeAsync(factory, login);
                var me = user.EmployeeId ?? -1;
                if (kind == "certificate")
                {
                    var inCert = await db.Certificates.Where(c => seen.Contains(c.EmployeeId)).OrderBy(c => c.EmployeeId == me ? 0 : 1).ThenBy(c => c.Id).Select(c => c.Id).FirstAsync();
                    var outCert = await db.Certificates.Where(c => !seen.Contains(c.EmployeeId)).Select(c => (int?)c.Id).FirstOrDefaultAsync();
                    return (inCert, outCert ?? Missing);
                }

                var inResult = await db.GateResults.Where(r => seen.Contains(r.EmployeeId)).OrderBy(r => r.EmployeeId == me ? 0 : 1).ThenBy(r => r.Id).Select(r => r.Id).FirstAsync();
                var outResult = await db.GateResults.Where(r => !seen.Contains(r.EmployeeId)).Select(r => (long?)r.Id).FirstOrDefaultAsync();
                return ((int)inResult, (int)(outResult ?? Missing));
            }

            case "points-rule":
                return (await db.PointsRules.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(), Missing);
            case "work-standard":
                return (await db.WorkStandardTemplates.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(), Missing);
            case "checklist-item":
                return (await db.PostChecklistItems.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(), Missing);
            case "gate":
                return (await db.GateDefinitions.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(), Missing);
            case "program":
                return (await db.ProgramTemplates.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), Missing);
            case "session":
            {
                // In: a session whose audience (cohort or team) holds someone in the role's scope. Out: one whose audience holds nobody in it.
                var seen = await DemoPeople.ExpectedScopeAsync(factory, login);
                var me = user.EmployeeId ?? -1;
                var visible = await db.TrainingSessions.Where(s => s.InstructorEmployeeId == me
                        || (s.CohortId != null && db.CohortMembers.Any(m => m.CohortId == s.CohortId && seen.Contains(m.EmployeeId)))
                        || (s.TeamId != null && db.Employees.Any(e => e.TeamId == s.TeamId && seen.Contains(e.Id))))
                    .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
                var hidden = await db.TrainingSessions.Where(s => !visible.Contains(s.Id)).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync();
                return (visible.First(), hidden ?? Missing);
            }

            case "paper":
                return (await db.Papers.Select(p => p.Id).FirstAsync(), Missing);
            case "any-exam":
                return (await db.Exams.Select(e => e.Id).FirstAsync(), Missing);
            case "exam":
            {
                // In: an exam meant for this person. Out: one that is not (for an account without a person, neither).
                var myExam = user.EmployeeId is { } emp ? (await MatrixAttemptAsync(emp)).ExamId : Missing;
                var other = await db.Exams.Where(e => e.Id != myExam && e.Title.StartsWith("矩阵")).Select(e => e.Id).FirstOrDefaultAsync();
                return (myExam, other == 0 ? Missing : other);
            }

            case "attempt":
            {
                // In: the person's own attempt (an account without a person: anyone's). Out: an attempt of someone outside the scope.
                var seen = await DemoPeople.ExpectedScopeAsync(factory, login);
                var myAttempt = user.EmployeeId is { } emp
                    ? (int)(await MatrixAttemptAsync(emp)).AttemptId
                    : (int)await db.Attempts.Select(a => a.Id).FirstAsync();
                var notSeen = await db.Attempts.Where(a => !seen.Contains(a.EmployeeId)).Select(a => (long?)a.Id).FirstOrDefaultAsync();
                return (myAttempt, (int)(notSeen ?? Missing));
            }

            case "recording":
            {
                // In: the person's own call, else one of someone in the scope. Out: a call of someone outside it.
                var seen = await DemoPeople.ExpectedScopeAsync(factory, login);
                var own = user.EmployeeId is { } emp ? await db.Recordings.Where(r => r.EmployeeId == emp).Select(r => (long?)r.Id).FirstOrDefaultAsync() : null;
                var inRec = own ?? await db.Recordings.Where(r => seen.Contains(r.EmployeeId)).Select(r => r.Id).FirstAsync();
                var outRec = await db.Recordings.Where(r => !seen.Contains(r.EmployeeId)).Select(r => (long?)r.Id).FirstOrDefaultAsync();
                return ((int)inRec, (int)(outRec ?? Missing));
            }

            case "evaluation":
            {
                // A submitted QA evaluation (not a calibration scoring): the agent's own, else one in the scope; out: one outside it.
                var seen = await DemoPeople.ExpectedScopeAsync(factory, login);
                var done = db.Evaluations.Where(e => e.CalibrationSessionId == null && e.Status != AgentPath.Web.Features.Quality.EvaluationStatus.Draft);
                var own = user.EmployeeId is { } emp ? await done.Where(e => e.EmployeeId == emp).Select(e => (int?)e.Id).FirstOrDefaultAsync() : null;
                var inEval = own ?? await done.Where(e => seen.Contains(e.EmployeeId)).Select(e => e.Id).FirstAsync();
                var outEval = await done.Where(e => !seen.Contains(e.EmployeeId)).Select(e => (int?)e.Id).FirstOrDefaultAsync();
                return (inEval, outEval ?? Missing);
            }

            case "scorecard":
                return (await db.Scorecards.Select(c => c.Id).FirstAsync(), Missing);
            case "calibration":
                return (await db.CalibrationSessions.Select(c => c.Id).FirstAsync(), Missing);
            case "sampling-plan":
                return (await db.SamplingPlans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), Missing);
            case "plan" or "plan-revision" or "survey" or "survey-answer" or "review" or "new-business" or "homework":
                return await PlanRecordsAsync(kind, login);

            default:
                throw new InvalidOperationException($"Unknown record kind '{kind}' in the matrix.");
        }
    });

    private (int PlanId, int Number)? _revision;
    private Dictionary<string, int>? _outbound;

    /// <summary>A pending revision (once) of last month's issued outbound plan, for the general manager's rows.</summary>
    private async Task<(int PlanId, int Number)> PlanRevisionAsync()
    {
        if (_revision is { } known)
        {
            return known;
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgentPath.Web.Data.AppDbContext>();
        var month = AgentPath.Web.Features.Plans.PlanMonth.Of(AgentPath.Web.Features.Plans.PlanMonth.Today(factory.Clock).AddMonths(-1));
        var plan = await db.TrainingPlans.Include(p => p.Items).ThenInclude(i => i.Owner).Include(p => p.Items).ThenInclude(i => i.Team)
            .Include(p => p.Revisions).Include(p => p.Versions).AsSplitQuery().SingleAsync(p => p.Month == month && p.Department.Name == "回访销售部");
        var revision = plan.ProposeRevision("矩阵测试：加半课时", plan.Snapshot().Select(x => x with { Hours = x.Hours + 0.5m }).ToList(), "陈静", factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return (_revision = (plan.Id, revision.Number)).Value;
    }

    /// <summary>A needs survey, review training, new-business training and homework (once each) of the outbound department only: records outside the inbound roles' scope.</summary>
    private async Task<Dictionary<string, int>> OutboundRecordsAsync()
    {
        if (_outbound is not null)
        {
            return _outbound;
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgentPath.Web.Data.AppDbContext>();
        var now = factory.Clock.GetUtcNow();
        var today = AgentPath.Web.Features.Plans.PlanMonth.Today(factory.Clock);
        var month = AgentPath.Web.Features.Plans.PlanMonth.Of(today);
        var outbound = await db.Departments.SingleAsync(d => d.Name == "回访销售部");
        var team = await db.Teams.Where(t => t.DepartmentId == outbound.Id).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var survey = new AgentPath.Web.Features.Plans.NeedsSurvey("矩阵调查", null, month, today.AddDays(5), today, [team], [AgentPath.Web.Features.Plans.SkillArea.Teamwork], [], "陈静", now);
        var review = new AgentPath.Web.Features.Plans.MonthlyReview("矩阵汇总培训", month, outbound, null, new Dictionary<AgentPath.Web.Features.Plans.ReviewStep, (int?, DateOnly?)>(), "陈静", now);
        var business = new AgentPath.Web.Features.Plans.NewBusinessTraining("矩阵新增业务", AgentPath.Web.Features.Plans.BusinessChange.NewProduct, "产品部", "内容", [team],
            today.AddDays(3), today, null, null, null, "陈静", now);
        var homework = new AgentPath.Web.Features.Plans.Homework("矩阵作业", "要求", AgentPath.Web.Features.Plans.HomeworkKind.HandIn, null, null, [team], 10, now.AddDays(3), now, "陈静");
        db.AddRange(survey, review, business, homework);
        await db.SaveChangesAsync();
        return _outbound = new Dictionary<string, int>
        {
            ["survey"] = survey.Id, ["survey-answer"] = survey.Id, ["review"] = review.Id, ["new-business"] = business.Id, ["homework"] = homework.Id,
        };
    }

    /// <summary>Plans' records: inside = the inbound department's (every staff role sees it, the agent and lead are on its first team); outside = the outbound one's for roles that see one department, a missing one for roles that see all.</summary>
    private async Task<(int Inside, int Outside)> PlanRecordsAsync(string kind, string login)
    {
        var everyone = (await DemoPeople.ExpectedScopeAsync(factory, login)).Count == (await DemoPeople.AllIdsAsync(factory)).Count;
        if (kind == "plan-revision")
        {
            return ((await PlanRevisionAsync()).PlanId, Missing);
        }

        var outbound = await OutboundRecordsAsync();
        var inside = await factory.QueryAsync(async db =>
        {
            var month = AgentPath.Web.Features.Plans.PlanMonth.Of(AgentPath.Web.Features.Plans.PlanMonth.Today(factory.Clock).AddMonths(-1));
            return kind switch
            {
                "plan" => await db.TrainingPlans.Where(p => p.Month == month && p.Department.Name == "咨询热线部").Select(p => p.Id).SingleAsync(),
                "survey" or "survey-answer" => await db.NeedsSurveys.Where(s => s.Audience.Any(a => db.Teams.Any(t => t.Id == a.TeamId && t.Name == "咨询一组")))
                    .OrderByDescending(s => s.ClosesOn).Select(s => s.Id).FirstAsync(),
                "review" => await db.MonthlyReviews.Where(r => r.Department.Name == "咨询热线部").OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
                "new-business" => await db.NewBusinessTrainings.Where(n => n.Audience.Any(a => db.Teams.Any(t => t.Id == a.TeamId && t.Name == "咨询一组"))).Select(n => n.Id).FirstAsync(),
                _ => await db.Homework.Where(h => h.Audience.Any(a => db.Teams.Any(t => t.Id == a.TeamId && t.Name == "咨询一组"))).Select(h => h.Id).FirstAsync(),
            };
        });
        var outsideForAll = kind == "plan"
            ? await factory.QueryAsync(db =>
            {
                var month = AgentPath.Web.Features.Plans.PlanMonth.Of(AgentPath.Web.Features.Plans.PlanMonth.Today(factory.Clock).AddMonths(-1));
                return db.TrainingPlans.Where(p => p.Month == month && p.Department.Name == "回访销售部").Select(p => p.Id).SingleAsync();
            })
            : outbound[kind];
        return (inside, everyone && kind != "survey-answer" ? Missing : outsideForAll);
    }
}
