using AgentPath.Web.Data;
using AgentPath.Web.Features.Assessments;
using AgentPath.Web.Features.Quality;
using AgentPath.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentPath.Web.Features.Plans;

/// <summary>
/// Scores per person and knowledge area from submitted exam attempts (the latest grade of each
/// answer), for the needs suggestions and the effect follow-up of plan items.
/// </summary>
public static class AreaScores
{
    public sealed record Row(int EmployeeId, int AreaId, int ExamId, string ExamTitle, DateTimeOffset At, decimal Score, decimal Points);

    public static async Task<List<Row>> LoadAsync(
        AppDbContext db, DateTimeOffset from, DateTimeOffset to, int? departmentId, IReadOnlyCollection<int>? employees, int? areaId, CancellationToken ct)
    {
        var q = from i in db.AttemptItems
                join a in db.Attempts on i.AttemptId equals a.Id
                join x in db.Exams on a.ExamId equals x.Id
                join qn in db.Questions on i.QuestionId equals qn.Id
                join e in db.Employees on a.EmployeeId equals e.Id
                where a.Status == AttemptStatus.Submitted && a.SubmittedAt >= @from && a.SubmittedAt < to
                select new { i.Id, a.EmployeeId, e.DepartmentId, qn.AreaId, a.ExamId, x.Title, At = a.SubmittedAt!.Value, i.Points };
        if (departmentId is { } d)
        {
            q = q.Where(r => r.DepartmentId == d);
        }

        if (employees is not null)
        {
            q = q.Where(r => employees.Contains(r.EmployeeId));
        }

        if (areaId is { } area)
        {
            q = q.Where(r => r.AreaId == area);
        }

        var items = await q.ToListAsync(ct);
        var grades = new Dictionary<long, decimal>();
        foreach (var chunk in items.Select(i => i.Id).Chunk(2000))
        {
            var rows = await db.ItemGrades.AsNoTracking().Where(g => chunk.Contains(g.AttemptItemId)).Select(g => new { g.Id, g.AttemptItemId, g.Score }).ToListAsync(ct);
            foreach (var g in rows.GroupBy(g => g.AttemptItemId))
            {
                grades[g.Key] = g.MaxBy(x => x.Id)!.Score;
            }
        }

        // An answer not graded yet (a short answer in the queue) does not count either way.
        return items.Where(i => grades.ContainsKey(i.Id))
            .Select(i => new Row(i.EmployeeId, i.AreaId, i.ExamId, i.Title, i.At, grades[i.Id], i.Points)).ToList();
    }

    /// <summary>Σ score ÷ Σ points in percent, one decimal; null without points.</summary>
    public static decimal? Percent(IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        var points = list.Sum(r => r.Points);
        return points == 0 ? null : Math.Round(list.Sum(r => r.Score) * 100 / points, 1, MidpointRounding.AwayFromZero);
    }
}

/// <summary>A need the data suggests, with the evidence, for the compiler to take in or leave.</summary>
public sealed record NeedSuggestion(string Source, string Key, string Title, PlanCategory Category, int? KnowledgeAreaId, int? TeamId, int Headcount, string Evidence);

/// <summary>
/// Suggestions for a month's plan from the month before: the department's weakest knowledge areas in
/// the business exams (试卷分析) and its most frequent QA finding tags (R5.4: problems are collected,
/// classified and put into the next period's plan). Suggestions already taken in are left out.
/// </summary>
public sealed class NeedSuggestions(AppDbContext db, FindingsService findings, IStringLocalizer<Text> text)
{
    /// <summary>An area whose mean score is below this (%) is suggested.</summary>
    public const decimal WeakArea = 75;

    /// <summary>A person below this (%) in the area counts in the suggested headcount.</summary>
    public const decimal PersonBelow = 70;

    public async Task<List<NeedSuggestion>> ForAsync(int departmentId, string month, CancellationToken ct = default)
    {
        var first = PlanMonth.First(month);
        var from = CenterClock.StartOf(first.AddMonths(-1));
        var to = CenterClock.StartOf(first);
        var zh = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var areas = await db.KnowledgeAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.DisplayName(zh), ct);
        var result = new List<NeedSuggestion>();

        var businessExams = await db.Exams.Where(e => e.Kind == ExamKind.MonthlyBusiness).Select(e => e.Id).ToListAsync(ct);
        var rows = (await AreaScores.LoadAsync(db, from, to, departmentId, null, null, ct)).Where(r => businessExams.Contains(r.ExamId)).ToList();
        foreach (var g in rows.GroupBy(r => r.AreaId).Select(g => (Area: g.Key, Percent: AreaScores.Percent(g) ?? 100, Rows: g.ToList()))
                     .Where(g => g.Percent < WeakArea).OrderBy(g => g.Percent).Take(3))
        {
            var people = g.Rows.GroupBy(r => r.EmployeeId).Count(p => AreaScores.Percent(p) < PersonBelow);
            var exams = string.Join("、", g.Rows.Select(r => r.ExamTitle).Distinct());
            var name = areas.GetValueOrDefault(g.Area, "#" + g.Area);
            result.Add(new NeedSuggestion(NeedSources.ExamAnalysis, $"{PlanMonth.Of(first.AddMonths(-1))} area {g.Area}",
                text["{0}: targeted training", name], PlanCategory.Business, g.Area, null, Math.Max(1, people),
                text["{0}: the department scored {1}% on {2} ({3} people below {4}%).", exams, g.Percent, name, people, PersonBelow]));
        }

        var teams = await db.Teams.Where(t => t.DepartmentId == departmentId).Select(t => t.Id).ToListAsync(ct);
        var found = (await findings.RowsAsync(from, to, ct)).Where(r => r.TeamId is { } t && teams.Contains(t)).ToList();
        foreach (var g in found.GroupBy(r => r.Tag).Where(g => g.Count() >= 2).OrderByDescending(g => g.Count()).Take(3))
        {
            var agents = g.Select(r => r.EmployeeId).Distinct().Count();
            var label = text[QualityText.Of(g.Key)].Value;
            var worstTeam = g.GroupBy(r => r.Team).OrderByDescending(t => t.Count()).First();
            result.Add(new NeedSuggestion(NeedSources.Quality, $"{g.Key} {PlanMonth.Of(first.AddMonths(-1))}",
                text["{0}: targeted training", label], PlanCategory.Business, null, null, agents,
                text["QA findings last month: {0} ×{1} in {2} evaluations of {3} agents; most in {4}.", label, g.Count(), g.Select(r => r.EvaluationId).Distinct().Count(), agents, worstTeam.Key ?? "—"]));
        }

        // What was taken in already (the same source and reference for this month) is not suggested again.
        var taken = await db.TrainingNeeds.Where(n => n.ForMonth == first && n.SourceRef != null).Select(n => n.Source + "|" + n.SourceRef).ToListAsync(ct);
        return result.Where(s => !taken.Contains(s.Source + "|" + s.Key)).ToList();
    }
}
