using System.Security.Claims;
using AgentPath.Web.Data;
using AgentPath.Web.Features.People;
using AgentPath.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace AgentPath.Web.Features.Quality;

/// <summary>
/// Findings drive training: aggregates of the findings in the viewer's scope, targeted retraining
/// from an agent's findings, training needs from a period's findings, and each agent's score per
/// dimension before and after retraining.
/// </summary>
public sealed class FindingsService(AppDbContext db, DataScopeProvider scope, TrainingNeeds training, TimeProvider time)
{
    /// <summary>One finding with what it is about, for aggregation.</summary>
    public sealed record Row(int EvaluationId, FindingTag Tag, string? Dimension, int EmployeeId, string Agent, string EmployeeNumber, int? TeamId, string? Team, DateTimeOffset At);

    /// <summary>A dimension score of one submitted evaluation (the latest score version).</summary>
    public sealed record DimensionScore(int EvaluationId, DateTimeOffset At, string Dimension, decimal Score);

    /// <summary>A group of findings (by tag, dimension, team or agent) with how many findings, agents and evaluations it holds.</summary>
    public sealed record GroupRow(string Key, int Count, int Agents, int Evaluations, int? EmployeeId, FindingTag? Tag, int? TeamId, string? Agent);

    /// <summary>Groups findings by "tag" (default), "dimension", "team" or "agent", largest first — the findings page and the API.</summary>
    public static List<GroupRow> Group(IReadOnlyCollection<Row> rows, string by) => (by switch
    {
        "dimension" => rows.GroupBy(r => r.Dimension ?? "—").Select(g => new GroupRow(g.Key, g.Count(), g.Select(r => r.EmployeeId).Distinct().Count(), g.Select(r => r.EvaluationId).Distinct().Count(), null, null, null, null)),
        "team" => rows.GroupBy(r => (r.TeamId, r.Team)).Select(g => new GroupRow(g.Key.Team ?? "—", g.Count(), g.Select(r => r.EmployeeId).Distinct().Count(), g.Select(r => r.EvaluationId).Distinct().Count(), null, null, g.Key.TeamId, null)),
        "agent" => rows.GroupBy(r => (r.EmployeeId, r.Agent, r.EmployeeNumber)).Select(g => new GroupRow(g.Key.EmployeeNumber, g.Count(), 1, g.Select(r => r.EvaluationId).Distinct().Count(), g.Key.EmployeeId, null, null, g.Key.Agent)),
        _ => rows.GroupBy(r => r.Tag).Select(g => new GroupRow(g.Key.ToString(), g.Count(), g.Select(r => r.EmployeeId).Distinct().Count(), g.Select(r => r.EvaluationId).Distinct().Count(), null, g.Key, null, null)),
    }).OrderByDescending(g => g.Count).ToList();

    public async Task<List<Row>> RowsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var people = await scope.PeopleAsync(ct);
        var ids = people.Select(p => p.Id);
        var sections = db.Set<ScorecardSection>();
        var rows = await db.Findings.AsNoTracking()
            .Join(db.Evaluations.Where(e => e.CalibrationSessionId == null && e.Status != EvaluationStatus.Draft && e.SubmittedAt >= from && e.SubmittedAt < to && ids.Contains(e.EmployeeId)),
                f => f.EvaluationId, e => e.Id, (f, e) => new { f, e })
            .Select(x => new
            {
                x.e.Id, x.f.Tag, Dimension = sections.Where(s => s.Id == x.f.SectionId).Select(s => s.Name).FirstOrDefault(),
                x.e.EmployeeId, x.e.Employee.Name, x.e.Employee.EmployeeNumber, x.e.Employee.TeamId, Team = x.e.Employee.Team != null ? x.e.Employee.Team.Name : null, x.e.SubmittedAt,
            }).ToListAsync(ct);
        return rows.Select(r => new Row(r.Id, r.Tag, r.Dimension, r.EmployeeId, r.Name, r.EmployeeNumber, r.TeamId, r.Team, r.SubmittedAt!.Value)).ToList();
    }

    /// <summary>An agent's dimension scores from submitted evaluations, oldest first.</summary>
    public async Task<List<DimensionScore>> DimensionScoresAsync(int employeeId, CancellationToken ct)
    {
        var evals = await db.Evaluations.AsNoTracking()
            .Where(e => e.EmployeeId == employeeId && e.CalibrationSessionId == null && e.Status != EvaluationStatus.Draft)
            .Include(e => e.Scores).ThenInclude(s => s.Sections).Include(e => e.ScorecardVersion).ThenInclude(v => v.Sections)
            .AsSplitQuery().ToListAsync(ct);
        return evals.SelectMany(e =>
        {
            var names = e.ScorecardVersion.Sections.ToDictionary(s => s.Id, s => s.Name);
            return e.Latest!.Sections.Where(s => s.Score is not null)
                .Select(s => new DimensionScore(e.Id, e.SubmittedAt!.Value, names.GetValueOrDefault(s.SectionId, "?"), s.Score!.Value));
        }).OrderBy(d => d.At).ToList();
    }

    /// <summary>Submitted totals of an agent (latest score version), oldest first.</summary>
    public async Task<List<(int Id, DateTimeOffset At, decimal Total)>> TotalsAsync(int employeeId, CancellationToken ct) =>
        (await db.Evaluations.AsNoTracking().Where(e => e.EmployeeId == employeeId && e.CalibrationSessionId == null && e.Status != EvaluationStatus.Draft)
            .Select(e => new { e.Id, e.SubmittedAt, Total = e.Scores.OrderByDescending(s => s.Number).Select(s => s.Total).First() }).ToListAsync(ct))
        .Select(x => (x.Id, x.SubmittedAt!.Value, x.Total)).OrderBy(x => x.Item2).ToList();

    /// <summary>Assigns targeted retraining on a dimension (or the whole call) with the agent's current mean there as the baseline.</summary>
    public async Task<(RetrainingTask? Task, string? Problem)> AssignAsync(int employeeId, string? dimension, string? note, int ownerUserId, DateOnly dueOn, ClaimsPrincipal user, CancellationToken ct)
    {
        var person = await scope.FindPersonAsync(employeeId, ct);
        if (person is null)
        {
            return (null, "Not found.");
        }

        var owner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerUserId, ct);
        if (owner is null)
        {
            return (null, "Choose who delivers the retraining.");
        }

        var focus = string.IsNullOrWhiteSpace(dimension) ? null : dimension.Trim();
        decimal? baseline;
        var since = time.GetUtcNow().AddDays(-90);
        if (focus is null)
        {
            var totals = (await TotalsAsync(employeeId, ct)).Where(t => t.At >= since).ToList();
            baseline = totals.Count == 0 ? null : Math.Round(totals.Average(t => t.Total), 1);
        }
        else
        {
            var scores = (await DimensionScoresAsync(employeeId, ct)).Where(d => d.Dimension == focus && d.At >= since).ToList();
            baseline = scores.Count == 0 ? null : Math.Round(scores.Average(d => d.Score), 1);
        }

        try
        {
            var (_, by) = EvaluationService.Actor(user);
            var topic = focus ?? "Whole call";
            var task = training.AssignRetraining(employeeId, topic, focus, note ?? "", owner.Id, owner.DisplayName ?? owner.UserName ?? "?", dueOn,
                QualitySetup.TrainingSource, focus is null ? "QA findings" : "QA findings: " + focus, baseline, by);
            await db.SaveChangesAsync(ct);
            return (task, null);
        }
        catch (DomainException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>A training need for next month's plan from one tag's findings in a period (and team): headcount = agents with the finding.</summary>
    public async Task<(TrainingNeed? Need, string? Problem)> RaiseNeedAsync(FindingTag tag, DateTimeOffset from, DateTimeOffset to, int? teamId, string title, ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = (await RowsAsync(from, to, ct)).Where(r => r.Tag == tag && (teamId == null || r.TeamId == teamId)).ToList();
        if (rows.Count == 0)
        {
            return (null, "No findings with that tag in the period.");
        }

        var agents = rows.Select(r => r.EmployeeId).Distinct().Count();
        var team = teamId is null ? null : rows.First().Team;
        var periodText = $"{CenterClock.ToCenter(from):yyyy-MM-dd} – {CenterClock.ToCenter(to.AddSeconds(-1)):yyyy-MM-dd}";
        var details = string.Join("\n", rows.GroupBy(r => r.Agent).OrderByDescending(g => g.Count()).Take(30).Select(g => $"{g.Key} ×{g.Count()}"));
        var localTo = CenterClock.ToCenter(to);
        var nextMonth = new DateOnly(localTo.Year, localTo.Month, 1).AddMonths(localTo.Day == 1 && localTo.TimeOfDay == TimeSpan.Zero ? 0 : 1);
        try
        {
            var need = training.RaiseNeed(title, nextMonth, team ?? "", teamId, agents, details, QualitySetup.TrainingSource,
                $"{tag} {periodText} ({rows.Count})", EvaluationService.Actor(user).Name);
            await db.SaveChangesAsync(ct);
            return (need, null);
        }
        catch (DomainException e)
        {
            return (null, e.Message);
        }
    }
}

/// <summary>Puts submitted QA evaluations on a person's timeline.</summary>
public sealed class EvaluationTimelineSource(AppDbContext db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> ForAsync(Employee person, CancellationToken ct)
    {
        var rows = await db.Evaluations.AsNoTracking()
            .Where(e => e.EmployeeId == person.Id && e.CalibrationSessionId == null && e.Status != EvaluationStatus.Draft)
            .OrderByDescending(e => e.SubmittedAt).Take(30)
            .Select(e => new { e.Id, e.SubmittedAt, Card = e.ScorecardVersion.Scorecard.Name, Total = e.Scores.OrderByDescending(s => s.Number).Select(s => s.Total).First(), e.InspectorName })
            .ToListAsync(ct);
        return rows.Select(r => new TimelineItem(r.SubmittedAt!.Value, "QA evaluation {0}: {1}", [r.Card, r.Total.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)], r.InspectorName)).ToList();
    }
}
