using System.Net;
using System.Text.RegularExpressions;
using AgentPath.Tests.Http;
using AgentPath.Tests.Infrastructure;
using AgentPath.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentPath.Tests.Authorization;

/// <summary>
/// The matrix's "lists" dimension: every page of the matrix, rendered as every role (with a record
/// inside its scope, and for new-business and homework also one set for teams of both departments),
/// may show no floor person outside the role's data scope — found by their 工号 or their name. A page
/// that shows two or more floor people must be declared under "## Lists" in authorization-matrix.md,
/// so a new page that lists people cannot be forgotten.
/// </summary>
public abstract partial class AuthorizationMatrixTests<TFactory>
{
    private static readonly string[] StaffPosts = ["TEAM_LEAD", "QA", "TRAINER", "SUPERVISOR", "HR", "MANAGER", "GM"];

    [Fact]
    public async Task Lists_every_page_shows_only_people_inside_the_role_scope_and_pages_that_list_people_are_declared()
    {
        var matrix = AuthorizationMatrix.Load();
        var declared = AuthorizationMatrix.LoadLists().ToHashSet(StringComparer.Ordinal);
        var pages = matrix.Rows.Where(r => r.Endpoint.StartsWith("PAGE ", StringComparison.Ordinal)).ToList();
        var failures = declared.Where(d => pages.All(p => p.Endpoint != d)).Select(d => $"Declared under Lists but not a PAGE row: {d}").ToList();
        var watched = await WatchedPeopleAsync();
        var mixed = await MixedRecordsAsync();
        var shownMost = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var role in AuthorizationMatrix.Columns.Where(c => c != AuthorizationMatrix.Anonymous))
        {
            var login = LoginOf[role];
            var scope = await DemoPeople.ExpectedScopeAsync(factory, login);
            using var client = await factory.SignedInAsync(login);
            var filter = await OutsideFilterAsync(scope);
            foreach (var row in pages.Where(p => p.Expect[role] == "allow" && !p.Endpoint.EndsWith("/account/logout", StringComparison.Ordinal)))
            {
                var paths = new List<string>();
                if (row.Record == "-")
                {
                    paths.Add(row.Request(null).Path);
                    if (filter is not null)
                    {
                        paths.Add(row.Request(null).Path + filter);
                    }
                }
                else
                {
                    var ids = new List<int> { (await RecordsAsync(row.Record, role)).Inside };
                    if (mixed.TryGetValue(row.Record, out var m))
                    {
                        ids.Add(m);
                    }

                    foreach (var id in ids)
                    {
                        paths.Add(row.Request(id, row.Record == "plan-revision" ? (await PlanRevisionAsync()).Number : null).Path);
                    }
                }

                foreach (var path in paths)
                {
                    using var response = await client.GetAsync(path);
                    if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                    {
                        continue;
                    }

                    var shown = ListScan.Shown(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), watched);
                    shownMost[row.Endpoint] = Math.Max(shownMost.GetValueOrDefault(row.Endpoint), shown.Count);
                    var leaks = shown.Where(p => !scope.Contains(p.Id)).ToList();
                    if (leaks.Count > 0)
                    {
                        failures.Add($"{role,-18} {path} shows {leaks.Count} people outside its scope: {string.Join(", ", leaks.Take(6).Select(p => $"{p.Number} {p.Name}"))}");
                    }
                }
            }
        }

        failures.AddRange(shownMost.Where(kv => kv.Value >= 2 && !declared.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key} lists people ({kv.Value} seen) but is not declared under \"## Lists\" in authorization-matrix.md"));
        Assert.True(failures.Count == 0, $"{failures.Count} list failures:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// Floor people (no staff post): whose appearance on a page is a list entry, not a creator, instructor or lead named on it.
    /// A name two people share (the demo has a floor 张敏 as well as the supervisor 张敏) is matched by 工号 only.
    /// </summary>
    private Task<List<ListScan.Watched>> WatchedPeopleAsync() => factory.QueryAsync(async db =>
    {
        var shared = await db.Employees.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();
        return await db.Employees
            .Where(e => !e.Posts.Any(p => StaffPosts.Contains(p.Code)))
            .Select(e => new ListScan.Watched(e.Id, e.EmployeeNumber, shared.Contains(e.Name) ? null : e.Name)).ToListAsync();
    });

    /// <summary>A query naming a team and a department with nobody in the scope (null for a role that sees everyone): a filter must not widen the scope.</summary>
    private Task<string?> OutsideFilterAsync(HashSet<int> scope) => factory.QueryAsync(async db =>
    {
        var people = await db.Employees.Where(e => e.TeamId != null).Select(e => new { e.TeamId, e.DepartmentId, e.Id }).ToListAsync();
        var team = people.GroupBy(e => (e.TeamId!.Value, e.DepartmentId)).Where(g => g.All(e => !scope.Contains(e.Id))).Select(g => (int?)g.Key.Value).FirstOrDefault();
        var department = people.GroupBy(e => e.DepartmentId).Where(g => g.All(e => !scope.Contains(e.Id))).Select(g => (int?)g.Key).FirstOrDefault();
        return team is null ? null : $"?teamId={team}&departmentId={department ?? 0}";
    });

    private Dictionary<string, int>? _mixed;

    /// <summary>A new-business training and a hand-in homework for one team of each department (咨询一组 and 回访一组), with a hand-in from each team.</summary>
    private async Task<Dictionary<string, int>> MixedRecordsAsync()
    {
        if (_mixed is not null)
        {
            return _mixed;
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgentPath.Web.Data.AppDbContext>();
        var now = factory.Clock.GetUtcNow();
        var today = PlanMonth.Today(factory.Clock);
        var teams = await db.Teams.Where(t => t.Name == "咨询一组" || t.Name == "回访一组").Select(t => t.Id).ToListAsync();
        var business = new NewBusinessTraining("名单新增业务", BusinessChange.NewProduct, "产品部", "内容", teams, today.AddDays(3), today, null, null, null, "陈静", now);
        var homework = new Homework("名单作业", "要求", HomeworkKind.HandIn, null, null, teams, 10, now.AddDays(3), now, "陈静");
        db.AddRange(business, homework);
        await db.SaveChangesAsync();
        foreach (var team in teams)
        {
            var person = await db.Employees.Where(e => e.TeamId == team && e.Stage == AgentPath.Web.Features.People.Stage.Regular && !e.Posts.Any(p => StaffPosts.Contains(p.Code)))
                .OrderBy(e => e.Id).FirstAsync();
            db.HomeworkSubmissions.Add(new HomeworkSubmission(homework, person.Id, "我的作业", null, null, now));
        }

        await db.SaveChangesAsync();
        _mixed = new Dictionary<string, int> { ["new-business"] = business.Id, ["homework"] = homework.Id };
        if (await db.TrainingSessions.Where(x => x.CohortId != null).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync() is { } cohortSession)
        {
            _mixed["session"] = cohortSession; // the induction cohort holds people of both departments
        }

        return _mixed;
    }
}

/// <summary>Finds the floor people a rendered page shows.</summary>
public static partial class ListScan
{
    public sealed record Watched(int Id, string Number, string? Name);

    [GeneratedRegex(@"\b[A-Z]{2}\d{5}\b")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"(?:[\u3400-\u9FFF]|[\uD840-\uD87F][\uDC00-\uDFFF])+")]
    private static partial Regex HanRun();

    /// <summary>The watched people a page shows: by 工号, or by a name standing alone (a whole run of Han characters).</summary>
    public static List<Watched> Shown(string html, IReadOnlyList<Watched> watched)
    {
        var numbers = NumberToken().Matches(html).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var runs = HanRun().Matches(html).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return watched.Where(p => numbers.Contains(p.Number) || (p.Name is not null && runs.Contains(p.Name))).ToList();
    }
}
